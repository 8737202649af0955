/**
 * The four wire protocols the scanner's clients speak (verified in the installed SDK's
 * runtimeConfig.shared.js): awsQuery (STS, IAM), ec2Query (EC2), restXml (S3) and awsJson1_1
 * (CloudTrail). This file knows each protocol's success envelope, error body, request-id headers
 * and how to find the operation name; the service modules only produce SDK-shaped data.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FakeAccount } from './account.ts';
import { element, escapeXml, rootName, structBody, type SchemaRef } from './xml.ts';

export type Protocol = 'query' | 'ec2' | 'restXml' | 'json';

/** An error AWS would return. `status` and `code` are what the SDK turns into `$metadata.httpStatusCode` and `name`. */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  /** Extra child elements of an S3 `<Error>` (BucketName, Endpoint...). */
  readonly fields: Record<string, string>;
  readonly headers: Record<string, string>;

  constructor(code: string, message: string, status = 400, extra: { fields?: Record<string, string>; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.fields = extra.fields ?? {};
    this.headers = extra.headers ?? {};
  }
}

/** A reply written verbatim, for the few shapes a schema can't express (S3 GetBucketLocation). */
export class RawReply {
  readonly body: string;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(body: string, status = 200, headers: Record<string, string> = {}) {
    this.body = body;
    this.status = status;
    this.headers = headers;
  }
}

export interface OperationContext {
  account: FakeAccount;
  region: string;
  action: string;
  /** Query protocols: URL query merged with the form body. restXml: the URL query. */
  params: URLSearchParams;
  /** awsJson: the parsed request body. */
  json: Record<string, unknown>;
  /** restXml (path-style): the bucket named in the path. */
  bucket?: string;
  method: string;
  /** The decoded URL path: restJson services read their path parameters from it (/detector/{id}). */
  path: string;
  /** The SigV4 access key id the request was signed with (absent when unsigned). */
  accessKeyId?: string;
  /** IAM Identity Center's portal authenticates with this bearer token instead of SigV4. */
  bearerToken?: string;
}

export type OperationOutput = Record<string, unknown> | RawReply;

export interface Operation {
  /** XML protocols: the output shape (restXml: the payload shape, whose name is the root element). */
  output?: SchemaRef;
  handle(ctx: OperationContext): OperationOutput;
  /** AWS serves it without SigV4 (AssumeRoleWithWebIdentity; the SSO portal, which takes a bearer token). */
  unsigned?: boolean;
}

export interface ServiceModule {
  /** The SigV4 signing name, as found in the credential scope. */
  name: string;
  protocol: Protocol;
  xmlNamespace?: string;
  /** awsJson services: 1.0 (DynamoDB, CloudWatch) or 1.1 (the default). REST JSON services set `route` instead. */
  jsonVersion?: '1.0' | '1.1';
  /**
   * awsQuery-compatible JSON services (CloudWatch, SNS-style codes): errors also carry the query
   * error code in `x-amzn-query-error` (`Code;Sender`), which the SDK prefers.
   */
  queryCompatible?: boolean;
  /** Global services (IAM) ignore the signing region. */
  global?: boolean;
  /** REST services (restXml, and the JSON SSO portal): which operation a method + path + query is, and the bucket it targets. */
  route?(method: string, path: string, query: URLSearchParams): { action: string; bucket?: string } | undefined;
  /** How this service answers in a region the account has not opted in to (see each module). */
  regionNotEnabled?(region: string): AwsError;
  operations: Record<string, Operation>;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

function requestIdHeaders(protocol: Protocol, requestId: string): Record<string, string> {
  if (protocol === 'restXml') {
    return { 'x-amz-request-id': requestId, 'x-amz-id-2': randomBytes(48).toString('base64'), Server: 'AmazonS3' };
  }
  if (protocol === 'ec2') return { 'x-amzn-requestid': requestId };
  return { 'x-amzn-RequestId': requestId };
}

/** S3 request ids are 16 upper-case hex characters; the other services use UUIDs. */
export function newRequestId(protocol: Protocol): string {
  return protocol === 'restXml' ? randomBytes(8).toString('hex').toUpperCase() : randomUUID();
}

function contentType(protocol: Protocol, service?: ServiceModule): string {
  if (protocol === 'json') return service?.route ? 'application/json' : `application/x-amz-json-${service?.jsonVersion ?? '1.1'}`;
  if (protocol === 'restXml') return 'application/xml';
  return 'text/xml';
}

export function renderSuccess(service: ServiceModule, action: string, output: OperationOutput, requestId: string): WireResponse {
  const { protocol } = service;
  const headers = { 'Content-Type': contentType(protocol, service), ...requestIdHeaders(protocol, requestId) };
  if (output instanceof RawReply) {
    return { status: output.status, headers: { ...headers, ...output.headers }, body: output.body };
  }
  if (protocol === 'json') return { status: 200, headers, body: JSON.stringify(output, jsonReplacer) };
  const schema = service.operations[action]?.output;
  const members = schema ? structBody(schema, output) : '';
  const ns = ` xmlns="${service.xmlNamespace ?? ''}"`;
  if (protocol === 'ec2') {
    return { status: 200, headers, body: `${XML_DECL}<${action}Response${ns}>${element('requestId', requestId)}${members}</${action}Response>` };
  }
  if (protocol === 'query') {
    const meta = element('ResponseMetadata', element('RequestId', requestId));
    return { status: 200, headers, body: `<${action}Response${ns}>${element(`${action}Result`, members)}${meta}</${action}Response>\n` };
  }
  const root = schema ? rootName(schema) : action;
  return { status: 200, headers, body: `${XML_DECL}<${root}${ns}>${members}</${root}>` };
}

/** awsJson timestamps are epoch seconds. */
function jsonReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? original.getTime() / 1000 : value;
}

export function renderError(service: ServiceModule, err: AwsError, requestId: string): WireResponse {
  const { protocol } = service;
  const headers: Record<string, string> = { 'Content-Type': contentType(protocol, service), ...requestIdHeaders(protocol, requestId), ...err.headers };
  const code = escapeXml(err.code);
  const message = escapeXml(err.message);
  let body: string;
  if (protocol === 'ec2') {
    const error = element('Error', element('Code', code) + element('Message', message));
    body = `${XML_DECL}<Response>${element('Errors', error)}${element('RequestID', requestId)}</Response>`;
  } else if (protocol === 'query') {
    const type = err.status >= 500 ? 'Receiver' : 'Sender';
    const error = element('Error', element('Type', type) + element('Code', code) + element('Message', message));
    body = `<ErrorResponse xmlns="${service.xmlNamespace ?? ''}">\n  ${error}\n  ${element('RequestId', requestId)}\n</ErrorResponse>\n`;
  } else if (protocol === 'restXml') {
    const fields = Object.entries(err.fields).map(([k, v]) => element(k, escapeXml(v))).join('');
    const hostId = headers['x-amz-id-2'] ?? '';
    body = `${XML_DECL}<Error>${element('Code', code)}${element('Message', message)}${fields}${element('RequestId', requestId)}${element('HostId', hostId)}</Error>`;
  } else {
    headers['x-amzn-ErrorType'] = err.code;
    if (service.queryCompatible) headers['x-amzn-query-error'] = `${err.code};${err.status >= 500 ? 'Receiver' : 'Sender'}`;
    // REST JSON services (GuardDuty, Lambda, ...) name the error in the header; the body says it again with "message".
    body = JSON.stringify(service.route ? { message: err.message, __type: err.code } : { __type: err.code, message: err.message });
  }
  return { status: err.status, headers, body };
}

/** What a service says to a request with no SigV4 Authorization header at all. */
export function missingAuthentication(protocol: Protocol): AwsError {
  if (protocol === 'restXml') return new AwsError('AccessDenied', 'Access Denied', 403);
  if (protocol === 'json') {
    return new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
  }
  // awsQuery answers 403; EC2 uses 401 for its authentication failures (as with AuthFailure).
  return new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', protocol === 'ec2' ? 401 : 403);
}

/** The error for an operation name the fake does not know (yet), in each protocol's words. */
export function unknownOperation(service: ServiceModule, action: string): AwsError {
  switch (service.protocol) {
    case 'ec2':
      return new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
    case 'query':
      return new AwsError('InvalidAction', `Could not find operation ${action} for version ${service.xmlNamespace?.match(/(\d{4}-\d\d-\d\d)/)?.[1] ?? ''}`);
    case 'json':
      return new AwsError('UnknownOperationException', `Unknown operation ${action}`);
    case 'restXml':
      return new AwsError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501);
  }
}
