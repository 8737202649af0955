/**
 * The seeded account with attacker-chosen text in it: resource names and tags with markup,
 * scripts, spreadsheet formulas, terminal escapes, bidi overrides and 64 KB values, and IAM
 * policy documents that are 100,000 levels deep, 1 MB, not JSON, URL-encoded twice or oddly typed.
 */
import type { PolicyDetail, Tag, UserDetail } from '@aws-sdk/client-iam';
import type { FakeAccount } from '../../support/fake-aws/account.ts';
import { seeded } from '../../support/fake-aws/accounts/seeded.ts';
import { bigPolicy, deepPolicy, doubleEncoded, fixture, HOSTILE_TEXT } from '../../fixtures/hostile/generate.ts';

const ACCOUNT = '111122223333';

/** Each hostile policy, by the user that carries it inline. */
export function hostilePolicies(depth: number): Record<string, string> {
  const valid = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  return {
    'hostile-deep-policy': deepPolicy(depth),
    'hostile-1mb-policy': bigPolicy(),
    'hostile-invalid-json': fixture('policies/invalid-json.txt'),
    'hostile-double-encoded': doubleEncoded(valid),
    'hostile-odd-types': fixture('policies/odd-types.json'),
    'hostile-not-an-object': fixture('policies/not-an-object.json'),
    'hostile-markup-policy': fixture('policies/markup.json'),
    'hostile-empty-policy': '',
  };
}

const NAMES = [HOSTILE_TEXT.script, HOSTILE_TEXT.img, HOSTILE_TEXT.formula, HOSTILE_TEXT.rtl, HOSTILE_TEXT.controls, HOSTILE_TEXT.ansiTitle, HOSTILE_TEXT.loneSurrogate];

function hostileUser(name: string, policy: PolicyDetail | undefined, tags: Tag[] = []): UserDetail {
  return {
    UserName: name,
    Path: '/',
    Arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    UserId: `AIDA${name.length.toString().padStart(17, '7')}`,
    CreateDate: new Date('2024-01-01T00:00:00Z'),
    GroupList: [],
    AttachedManagedPolicies: [],
    UserPolicyList: policy ? [policy] : [],
    Tags: tags,
  };
}

/** `depth`: how deep the deepest policy nests (100,000 by default; IAM's size limits allow about 3,000). */
export function hostileAccount(depth = 100_000): FakeAccount {
  const account = structuredClone(seeded);
  // Resource names and tags: every security group and instance of us-east-1 gets one hostile name.
  const use1 = account.regional['us-east-1']!;
  use1.securityGroups.forEach((g, i) => {
    if (g.GroupName !== 'default') g.GroupName = NAMES[i % NAMES.length];
    g.Description = HOSTILE_TEXT.controls;
    g.Tags = [{ Key: 'Name', Value: NAMES[(i + 1) % NAMES.length] }, { Key: 'huge', Value: HOSTILE_TEXT.huge }, { Key: HOSTILE_TEXT.script, Value: HOSTILE_TEXT.rtl }];
  });
  use1.instances.forEach((inst, i) => {
    inst.Tags = [{ Key: 'Name', Value: `${NAMES[i % NAMES.length]} ${HOSTILE_TEXT.rtl}` }, { Key: 'owner', Value: HOSTILE_TEXT.huge }, { Key: 'formula', Value: HOSTILE_TEXT.formula }];
  });
  const auth = account.iam.authorization;
  if (auth) {
    const policies = hostilePolicies(depth);
    for (const [user, doc] of Object.entries(policies)) auth.users.push(hostileUser(user, { PolicyName: `${user}-inline`, PolicyDocument: doc }));
    // Users whose names are the hostile text itself (IAM forbids these characters; a fake or compromised API need not).
    NAMES.forEach((name, i) => auth.users.push(hostileUser(`${name}-${i}`, undefined, [{ Key: 'note', Value: HOSTILE_TEXT.huge }])));
    const first = auth.roles[0];
    if (first) first.AssumeRolePolicyDocument = deepPolicy(Math.ceil(depth / 2));
    const second = auth.roles[1];
    if (second) second.AssumeRolePolicyDocument = fixture('policies/invalid-json.txt');
  }
  return account;
}
