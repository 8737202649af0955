import type { StoredFunction } from '../../collect/lambda.ts';
import { timeOf } from '../../maintenance/data.ts';
import { lambdaRuntimeSupport } from '../../maintenance/eol.ts';
import { accountResource, evidence, finding, missingField, notAssessed, type Resource } from '../helpers.ts';
import type { Check } from '../types.ts';
import { unassessed } from './support/instance-check.ts';

const meta = {
  id: 'lambda-function-runtime-supported',
  title: 'Lambda functions use a runtime that still gets security patches',
  area: 'compute-maintenance',
  service: 'lambda',
  severity: 'medium',
  responsibility:
    'AWS patches a Lambda runtime only until it is deprecated; moving your functions to a supported runtime (and testing your code on it) is your job.',
  risk: 'A deprecated runtime no longer receives security patches, and Lambda later blocks updates to the function, so even an urgent fix cannot be deployed without a runtime upgrade.',
  remediation: {
    console: 'Lambda console > Functions > the function > Runtime settings > Edit: choose the current runtime of the same language, after testing the code on it.',
    cli: 'aws lambda update-function-configuration --function-name <name> --runtime <supported runtime, e.g. nodejs22.x>',
    terraform: 'resource "aws_lambda_function" "fn" {\n  runtime = "nodejs22.x" # a runtime that is not deprecated\n}',
  },
  references: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html', 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html'],
} as const satisfies Check['meta'];

export const lambdaFunctionRuntimeSupported: Check = {
  meta,
  needs: ['lambda:ListFunctions'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const read = snap.read<StoredFunction[]>('lambda:ListFunctions', region);
      const where = accountResource(snap, region, `Lambda functions (${region})`);
      if (!read.ok) return [notAssessed(meta, snap, where, read)];
      if (read.data.length === 0) return [finding(meta, snap, where, 'NOT_APPLICABLE', `No Lambda functions in ${region}.`)];
      const now = new Date(timeOf(read.at) ?? Date.now());
      return read.data.map((fn) => {
        const name = fn.FunctionName ?? '';
        const resource: Resource = { id: name, arn: fn.FunctionArn ?? '', name, region };
        // A container-image function brings its own runtime: there is no managed runtime to judge.
        if (fn.PackageType === 'Image') return finding(meta, snap, resource, 'NOT_APPLICABLE', `${name} is a container image function: its runtime is inside the image.`);
        if (!fn.Runtime) return missingField(meta, snap, resource, read, 'Runtime');
        const v = lambdaRuntimeSupport(fn.Runtime, now);
        const proof = [evidence(read, { FunctionName: name, Runtime: fn.Runtime, PackageType: fn.PackageType ?? null, LastModified: fn.LastModified ?? null })];
        if (v.status === 'unknown') {
          return unassessed(meta, snap, resource, { kind: 'unknown', code: 'NotInReferenceData', call: 'reference:lambda-runtimes', message: `runtime ${fn.Runtime} of ${name} is not in the reference data (${v.basis}).` }, proof);
        }
        if (v.status === 'ended') return finding(meta, snap, resource, 'FAIL', `${name} runs ${v.label} (${fn.Runtime}), deprecated on ${v.endDate} (${v.basis}).`, proof);
        const until = v.endDate ? `deprecation planned for ${v.endDate}` : 'no deprecation date announced';
        return finding(meta, snap, resource, 'PASS', `${name} runs ${v.label} (${fn.Runtime}); ${until} (${v.basis}).`, proof);
      });
    });
  },
};
