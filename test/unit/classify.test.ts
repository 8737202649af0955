import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyError } from '../../main/core/engine/classify.ts';

const sdk = (name: string, message: string, status: number, fault: 'client' | 'server' = 'client') =>
  Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status, attempts: 1 } });

test('AWS error codes are classified into the reasons a report shows', () => {
  const cases: [Error, string][] = [
    [sdk('AccessDenied', 'User: x is not authorized to perform: iam:GetAccountSummary', 403), 'permission-denied'],
    [sdk('AccessDeniedException', 'not authorized ... with an explicit deny in a service control policy', 400), 'explicit-deny'],
    [sdk('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403), 'permission-denied'],
    [sdk('InvalidAccessException', 'Account 1 is not subscribed to AWS Security Hub', 400), 'service-not-enabled'],
    [sdk('ThrottlingException', 'Rate exceeded', 400), 'throttled'],
    [sdk('RequestLimitExceeded', 'Request limit exceeded.', 503, 'server'), 'throttled'],
    [sdk('AuthFailure', 'AWS was not able to validate the provided access credentials', 401), 'region-disabled'],
    [sdk('ExpiredToken', 'The security token included in the request is expired', 403), 'credentials'],
    [sdk('InternalError', 'An internal error has occurred', 500, 'server'), 'server-error'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'network'],
    [Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }), 'timeout'],
    [Object.assign(new SyntaxError('Unexpected end of JSON input'), { $metadata: { httpStatusCode: 200 } }), 'malformed-response'],
  ];
  for (const [err, kind] of cases) assert.equal(classifyError(err).kind, kind, `${err.name}: ${err.message}`);
  assert.equal(classifyError(sdk('AccessDenied', 'a\nb', 403)).message, 'a b', 'messages are one line');
});
