/**
 * STS over awsQuery: GetCallerIdentity (no permission needed, so scanners use it as a preflight),
 * AssumeRole with AWS's own checks (ExternalId, MFA with single-use codes, session duration, chained
 * sessions capped at one hour) and AssumeRoleWithWebIdentity, plus the keys it issues. Key state is
 * kept per FakeAccount object: two servers over the same account (a separate STS endpoint) know the
 * same keys, and a fresh account object starts clean.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AssumeRoleResponse$, AssumeRoleWithWebIdentityResponse$, GetCallerIdentityResponse$ } from '@aws-sdk/client-sts';
import type { FakeAccount, FakeRole } from '../account.ts';
import { AwsError, type OperationContext, type Protocol, type ServiceModule } from '../protocol.ts';

interface Identity {
  arn: string;
  userId: string;
}

interface IssuedKey extends Identity {
  expiresAt: number;
}

/** One sign-in as the fake saw it, for tests to assert what reached "AWS". */
export interface SignInRecord {
  action: 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'GetRoleCredentials';
  roleArn: string;
  sessionName: string;
  externalId?: string;
  durationSeconds?: number;
  serialNumber?: string;
  tokenCode?: string;
  /** Who signed the request (the source identity); '' when unsigned. */
  callerArn: string;
  /** The region the request was signed for. */
  region: string;
}

interface SignInState {
  issued: Map<string, IssuedKey>;
  usedCodes: Set<string>;
  keyCalls: Map<string, number>;
  log: SignInRecord[];
}

const STATE = new WeakMap<FakeAccount, SignInState>();

function state(account: FakeAccount): SignInState {
  let s = STATE.get(account);
  if (!s) {
    s = { issued: new Map(), usedCodes: new Set(), keyCalls: new Map(), log: [] };
    STATE.set(account, s);
  }
  return s;
}

/** Every AssumeRole, AssumeRoleWithWebIdentity and SSO GetRoleCredentials that succeeded, oldest first. */
export function signInLog(account: FakeAccount): readonly SignInRecord[] {
  return state(account).log;
}

export function recordSignIn(account: FakeAccount, record: SignInRecord): void {
  state(account).log.push(record);
}

/** Who a key signs in as: a session the fake issued, a key from the fixture, or the account's caller. */
export function identityOf(account: FakeAccount, accessKeyId: string | undefined): Identity {
  if (accessKeyId) {
    const issued = state(account).issued.get(accessKeyId);
    if (issued) return issued;
    const key = account.signIn?.accessKeys?.find((k) => k.accessKeyId === accessKeyId);
    if (key) return key;
  }
  return { arn: account.callerArn, userId: account.callerUserId };
}

/** The account a key signs in to: the organization member whose role issued it, else `account` itself. */
export function accountOfKey(account: FakeAccount, accessKeyId: string): FakeAccount {
  return account.members?.find((m) => state(m).issued.has(accessKeyId)) ?? account;
}

const EXPIRED: Record<Protocol, () => AwsError> = {
  query: () => new AwsError('ExpiredToken', 'The security token included in the request is expired', 403),
  ec2: () => new AwsError('RequestExpired', 'Request has expired.', 400),
  restXml: () => new AwsError('ExpiredToken', 'The provided token has expired.', 400),
  json: () => new AwsError('ExpiredTokenException', 'The security token included in the request is expired', 400),
};

/**
 * Called by the server for every signed request: counts the key's use and refuses it, in the
 * service's own words, once an issued session has expired or a fixture key has used up
 * `expiresAfterCalls`.
 */
export function refuseExpiredKey(account: FakeAccount, accessKeyId: string, service: ServiceModule): void {
  const s = state(account);
  const calls = (s.keyCalls.get(accessKeyId) ?? 0) + 1;
  s.keyCalls.set(accessKeyId, calls);
  const issued = s.issued.get(accessKeyId);
  const limit = account.signIn?.accessKeys?.find((k) => k.accessKeyId === accessKeyId)?.expiresAfterCalls;
  if ((issued && issued.expiresAt <= Date.now()) || (limit !== undefined && calls > limit)) throw EXPIRED[service.protocol]();
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function keyId(prefix: string): string {
  return prefix + Array.from(randomBytes(16), (b) => BASE32[b % 32]).join('');
}

export interface IssuedCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}

/** Temporary credentials for a role session, remembered so GetCallerIdentity can answer for them. */
export function issueCredentials(account: FakeAccount, identity: Identity, ttlSeconds: number): IssuedCredentials {
  const AccessKeyId = keyId('ASIA');
  const Expiration = new Date(Date.now() + ttlSeconds * 1000);
  state(account).issued.set(AccessKeyId, { ...identity, expiresAt: Expiration.getTime() });
  return {
    AccessKeyId,
    SecretAccessKey: randomBytes(30).toString('base64'),
    SessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}`,
    Expiration,
  };
}

/** `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION` for a role ARN (the role's own account). */
export function assumedRole(roleArn: string, sessionName: string): Identity {
  const account = roleArn.split(':')[4] ?? '';
  const name = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const roleId = `AROA${createHash('sha1').update(roleArn).digest('hex').slice(0, 17).toUpperCase()}`;
  return { arn: `arn:aws:sts::${account}:assumed-role/${name}/${sessionName}`, userId: `${roleId}:${sessionName}` };
}

function accountOfArn(arn: string): string {
  return arn.split(':')[4] ?? '';
}

function notAuthorized(callerArn: string, roleArn: string): AwsError {
  return new AwsError('AccessDenied', `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
}

function sessionName(ctx: OperationContext): string {
  const name = ctx.params.get('RoleSessionName') ?? '';
  if (!/^[\w+=,.@-]{2,64}$/.test(name)) {
    throw new AwsError('ValidationError', `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint`);
  }
  return name;
}

/** AWS caps a session at the role's MaxSessionDuration, and a role-chained session at one hour. */
function duration(ctx: OperationContext, role: FakeRole, chained: boolean): number {
  const value = Number(ctx.params.get('DurationSeconds') ?? 3600);
  const max = chained ? 3600 : (role.maxSessionDuration ?? 3600);
  if (!Number.isInteger(value) || value < 900) {
    throw new AwsError('ValidationError', `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
  }
  if (value > max) throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  return value;
}

/** MFA: the serial must match and the six-digit code must not have been used before (TOTP codes are single-use). */
function checkMfa(ctx: OperationContext, role: FakeRole, callerArn: string): void {
  if (role.mfaSerial === undefined) return;
  const serial = ctx.params.get('SerialNumber');
  const code = ctx.params.get('TokenCode');
  if (serial !== role.mfaSerial || !code) throw notAuthorized(callerArn, role.arn);
  const used = state(ctx.account).usedCodes;
  if (!/^\d{6}$/.test(code) || used.has(`${serial}/${code}`)) {
    throw new AwsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403);
  }
  used.add(`${serial}/${code}`);
}

export const sts: ServiceModule = {
  name: 'sts',
  protocol: 'query',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  // A regional STS endpoint in a disabled region does not recognise the account's credentials.
  regionNotEnabled: () => new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
  operations: {
    GetCallerIdentity: {
      output: GetCallerIdentityResponse$,
      handle: ({ account, accessKeyId }) => {
        const who = identityOf(account, accessKeyId);
        return { UserId: who.userId, Account: accountOfArn(who.arn) || account.accountId, Arn: who.arn };
      },
    },
    AssumeRole: {
      output: AssumeRoleResponse$,
      handle: (ctx) => {
        const caller = identityOf(ctx.account, ctx.accessKeyId);
        const roleArn = ctx.params.get('RoleArn') ?? '';
        const name = sessionName(ctx);
        // A role in a member account of the caller's organization is that member's (its trust policy decides).
        const target = ctx.account.members?.find((m) => m.accountId === accountOfArn(roleArn)) ?? ctx.account;
        const role = target.signIn?.roles?.find((r) => r.arn === roleArn);
        if (!role) throw notAuthorized(caller.arn, roleArn);
        const externalId = ctx.params.get('ExternalId') ?? undefined;
        if (role.externalId !== undefined && externalId !== role.externalId) throw notAuthorized(caller.arn, roleArn);
        const seconds = duration(ctx, role, caller.arn.includes(':assumed-role/'));
        checkMfa(ctx, role, caller.arn);
        const session = assumedRole(roleArn, name);
        recordSignIn(ctx.account, {
          action: 'AssumeRole',
          roleArn,
          sessionName: name,
          externalId,
          durationSeconds: seconds,
          serialNumber: ctx.params.get('SerialNumber') ?? undefined,
          tokenCode: ctx.params.get('TokenCode') ?? undefined,
          callerArn: caller.arn,
          region: ctx.region,
        });
        return {
          Credentials: issueCredentials(target, session, seconds),
          AssumedRoleUser: { AssumedRoleId: session.userId, Arn: session.arn },
        };
      },
    },
    AssumeRoleWithWebIdentity: {
      output: AssumeRoleWithWebIdentityResponse$,
      unsigned: true,
      handle: (ctx) => {
        const roleArn = ctx.params.get('RoleArn') ?? '';
        const name = sessionName(ctx);
        const token = ctx.params.get('WebIdentityToken') ?? '';
        if (token.trim() === '') throw new AwsError('InvalidIdentityToken', 'The web identity token that was passed could not be validated by AWS.');
        const role = ctx.account.signIn?.roles?.find((r) => r.arn === roleArn);
        if (!role) throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
        const seconds = duration(ctx, role, false);
        const session = assumedRole(roleArn, name);
        recordSignIn(ctx.account, { action: 'AssumeRoleWithWebIdentity', roleArn, sessionName: name, durationSeconds: seconds, callerArn: '', region: ctx.region });
        return {
          Credentials: issueCredentials(ctx.account, session, seconds),
          AssumedRoleUser: { AssumedRoleId: session.userId, Arn: session.arn },
          SubjectFromWebIdentityToken: 'system:serviceaccount:audit:leasehold',
        };
      },
    },
  },
};
