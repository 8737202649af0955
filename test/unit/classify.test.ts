import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absenceCode } from '../../main/core/collect/absence.ts';
import { classifyError, wireError } from '../../main/core/engine/classify.ts';

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

/** An SDK error as the SDK builds it when the response carried no AWS error (its invented names). */
const bare = (name: string, status: number, message = 'UnknownError', extra: object = {}) =>
  Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, ...extra });

test('operations an endpoint does not implement are server errors that say so, whatever the protocol', () => {
  const localstack = classifyError(Object.assign(bare('InternalFailure', 501, "API action 'ListCoverage' for service 'inspector2' not yet implemented or pro feature"), { __type: 'InternalFailure' }));
  assert.deepEqual([localstack.kind, localstack.code], ['server-error', 'InternalFailure']);
  assert.match(localstack.message, /^The endpoint does not implement this operation \(HTTP 501 InternalFailure\): API action 'ListCoverage'/);
  const unknownRoute = classifyError(bare('NotFound', 404, 'Unknown'));
  assert.deepEqual([unknownRoute.kind, unknownRoute.code], ['server-error', 'NotImplemented'], 'a 404 with no AWS code in it is a route the endpoint does not know');
  const htmlPage = classifyError(Object.assign(new SyntaxError('Unexpected token \'<\', "<!doctype "... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), { $metadata: { httpStatusCode: 500 } }));
  assert.deepEqual([htmlPage.kind, htmlPage.code], ['server-error', 'HTTP500'], 'an HTML 500 page is the server failing, not a malformed AWS answer');
  const realMissing = classifyError(Object.assign(bare('NoSuchBucketPolicy', 404, 'The bucket policy does not exist'), { Code: 'NoSuchBucketPolicy' }));
  assert.equal(realMissing.kind, 'unknown', 'a 404 with an AWS code is that code (collectors turn the absence codes into data first)');
});

test('the wire code is what the service sent, not what the SDK invented', () => {
  assert.equal(wireError(bare('NotFound', 404)), undefined);
  assert.equal(wireError(bare('NotFoundException', 404, 'Unknown')), undefined, 'SNS maps a code-less 404 onto its modelled NotFoundException');
  assert.deepEqual(wireError(Object.assign(bare('NoSuchEntityException', 404, 'The Password Policy with domain name 1 cannot be found.'), { Code: 'NoSuchEntity' })), { code: 'NoSuchEntity', message: 'The Password Policy with domain name 1 cannot be found.', unparsed: false });
  assert.equal(wireError(Object.assign(bare('InvalidAccessException', 401, 'x'), { __type: 'com.amazonaws.securityhub#InvalidAccessException' }))?.code, 'InvalidAccessException');
  const xmlInJson = Object.assign(new SyntaxError('Unexpected token \'<\' ... Deserialization error'), { $metadata: { httpStatusCode: 400 }, $response: { headers: { 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/coral/' } } });
  assert.deepEqual(wireError(xmlInJson), { code: 'AccessDeniedException', message: "HTTP 400 AccessDeniedException; the rest of the response was not in the service's format", unparsed: true });
  assert.equal(classifyError(xmlInJson).kind, 'permission-denied', 'a refusal in the wrong format is still a refusal');
  const withText = Object.assign(new Error('@aws-sdk XML parse error: Deserialization error'), { $metadata: { httpStatusCode: 400 }, $responseBodyText: '<Error><Code>ThrottlingException</Code><Message><![CDATA[Rate exceeded]]></Message></Error>' });
  assert.deepEqual(wireError(withText), { code: 'ThrottlingException', message: 'Rate exceeded', unparsed: true });
  assert.equal(absenceCode(bare('NotFound', 404), ['NotFound']), undefined, 'a bare 404 is never "not configured"');
  assert.equal(absenceCode(Object.assign(bare('NotFoundException', 404, 'Topic does not exist'), { Code: 'NotFound' }), ['NotFound']), 'NotFound');
});
