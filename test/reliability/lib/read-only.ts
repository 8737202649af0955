/**
 * Read-only, counted: every command of every AWS client package Leasehold uses is sent through a
 * real session; each one not on the read allowlist must be refused before anything reaches the
 * endpoint (the same proof as test/integration/read-only.test.ts, with the figures kept).
 */
import { AwsSession } from '../../../main/core/aws/session.ts';
import { CLIENT_PACKAGES } from '../../../main/core/aws/clients.ts';
import { READ_OPERATIONS } from '../../../main/core/aws/read-only.ts';
import { misconfigured } from '../../support/fake-aws/accounts/misconfigured.ts';
import { startFakeAws, writeAwsProfile } from '../../support/fake-aws/index.ts';
import { scratch, timed, type Mode, type SuiteResult } from './suite.ts';

export async function readOnlySuite(_mode: Mode, log: (line: string) => void = () => {}): Promise<SuiteResult> {
  return timed('read-only', 'Read-only proof', async (rows, notes) => {
    const fake = await startFakeAws(misconfigured);
    const tmp = scratch('ro');
    const files = writeAwsProfile(tmp.dir, { profile: 'p', endpoint: fake.endpoint, region: 'us-east-1' });
    const session = await AwsSession.open({ profile: 'p', env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
    try {
      let refused = 0;
      let allowed = 0;
      const leaked: string[] = [];
      const perService: string[] = [];
      for (const [service, pkg] of Object.entries(CLIENT_PACKAGES) as [keyof typeof CLIENT_PACKAGES, string][]) {
        const mod = (await import(pkg)) as Record<string, unknown>;
        const commands = Object.keys(mod).filter((k) => /^[A-Z]\w*Command$/.test(k) && typeof (mod[k] as { prototype?: { resolveMiddleware?: unknown } }).prototype?.resolveMiddleware === 'function');
        const client = session.client(service, 'us-east-1') as unknown as { send(c: unknown): Promise<unknown> };
        let mine = 0;
        for (const name of commands) {
          const op = name.slice(0, -'Command'.length);
          if (READ_OPERATIONS[service]?.has(op)) {
            allowed += 1;
            continue;
          }
          const Command = mod[name] as new (input: object) => unknown;
          try {
            await client.send(new Command({}));
            leaked.push(`${service}:${op} was sent`);
          } catch (err) {
            if ((err as Error).name !== 'ReadOnlyViolation') leaked.push(`${service}:${op} failed with ${(err as Error).name}, not a refusal`);
          }
          refused += 1;
          mine += 1;
        }
        perService.push(`${service} ${mine}`);
      }
      const reached = [...fake.calls.values()].reduce((a, b) => a + b, 0);
      const problems = [...leaked, ...(reached > 0 ? [`${reached} request(s) reached the endpoint`] : [])];
      log(`read-only: refused ${refused}, allowlisted ${allowed}, requests that reached the endpoint ${reached}`);
      rows.push({
        case: 'mutating and unlisted operations',
        tried: `every command of the ${Object.keys(CLIENT_PACKAGES).length} AWS SDK clients used (${refused + allowed} commands), sent through a real session`,
        outcome: `${refused} refused before sending (ReadOnlyViolation), ${reached} requests reached the endpoint; ${allowed} allowlisted read operations not sent. Per client: ${perService.join(', ')}`,
        trials: refused,
        passed: refused - leaked.length,
        problems,
      });
      notes.push('The allowlist is main/core/aws/read-only.ts; test/integration/read-only.test.ts checks every allowlisted name is a read operation of its client.');
    } finally {
      session.close();
      await fake.close();
      tmp.remove();
    }
  });
}
