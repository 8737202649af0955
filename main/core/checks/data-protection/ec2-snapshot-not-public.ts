import type { Snapshot as EbsSnapshot } from '@aws-sdk/client-ec2';
import type { SnapshotPermissions } from '../../collect/ec2-storage.ts';
import type { Read, Snapshot } from '../../engine/snapshot.ts';
import { evidence, finding, missingField, notAssessed, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachRegion } from './support/regional.ts';

const meta = {
  id: 'ec2-snapshot-not-public',
  title: 'EBS snapshots are not public',
  area: 'data-protection',
  service: 'ec2',
  severity: 'critical',
  responsibility:
    'Deciding who can use your data is your job. An EBS snapshot shared with the group "all" can be turned into a volume by any AWS account in the world.',
  risk: 'Anyone can create a volume from a public snapshot and read the disk: databases, keys and credentials left on it included.',
  remediation: {
    console: 'EC2 console > Snapshots > select > Actions > Snapshot settings > Modify permissions > Private.',
    cli: 'aws ec2 modify-snapshot-attribute --snapshot-id <snap> --attribute createVolumePermission --operation-type remove --group-names all\naws ec2 enable-snapshot-block-public-access --state block-all-sharing',
    terraform: 'resource "aws_ebs_snapshot_block_public_access" "this" {\n  state = "block-all-sharing"\n}',
  },
  references: [
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
  ],
} as const satisfies Check['meta'];

/** Snapshot block public access in "block-all-sharing" overrides a snapshot's own "all" permission. */
function blockAll(snap: Snapshot, region: string): { blocked: boolean | undefined; read: Read<{ State: string | null }> } {
  const read = snap.read<{ State: string | null }>('ec2:GetSnapshotBlockPublicAccessState', region);
  return { read, blocked: read.ok && read.data.State ? read.data.State === 'block-all-sharing' : undefined };
}

export const ec2SnapshotNotPublic: Check = {
  meta,
  needs: ['ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute', 'ec2:GetSnapshotBlockPublicAccessState'],
  evaluate(snap) {
    return eachRegion<EbsSnapshot>(meta, snap, 'ec2:DescribeSnapshots', { label: 'EBS snapshots owned by the account' }, (s, _list, region) => {
      const id = s.SnapshotId ?? '';
      const resource = { id, arn: `arn:${snap.meta.partition}:ec2:${region}::snapshot/${id}`, name: tagName(s.Tags) ?? id, region };
      const read = snap.read<SnapshotPermissions>('ec2:DescribeSnapshotAttribute', region, id);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const perms = read.data.CreateVolumePermissions;
      if (perms === null) return missingField(meta, snap, resource, read, 'CreateVolumePermissions');
      const proof = [evidence(read, { SnapshotId: id, Attribute: 'createVolumePermission', CreateVolumePermissions: perms })];
      if (perms.some((p) => p.Group === 'all')) {
        const bpa = blockAll(snap, region);
        if (bpa.read.ok) proof.push(evidence(bpa.read, bpa.read.data));
        if (bpa.blocked === true) {
          return finding(meta, snap, resource, 'PASS', `Snapshot ${id} is shared with everyone (group "all"), but block public access for snapshots (block-all-sharing) keeps it private in ${region}; it becomes public again if that setting is relaxed.`, proof);
        }
        if (!bpa.read.ok) {
          // Shared with "all", but whether block-all-sharing overrides it is unknown: never FAIL on
          // data that could not be read.
          const f = notAssessed(meta, snap, resource, bpa.read);
          f.message = `Snapshot ${id} is shared with everyone (group "all"), but block public access for snapshots could not be read in ${region} (${bpa.read.error.code}), and its block-all-sharing mode would keep the snapshot private.`;
          f.evidence = proof;
          return f;
        }
        // AWS always sends State ("unblocked" by default): an answer without it decides nothing.
        if (bpa.blocked === undefined) return missingField(meta, snap, resource, bpa.read, 'State');
        return finding(meta, snap, resource, 'FAIL', `Snapshot ${id} is public: any AWS account can create a volume from it (createVolumePermission group "all").`, proof);
      }
      const accounts = perms.filter((p) => p.UserId).length;
      const shared = accounts > 0 ? `shared with ${accounts} specific account${accounts === 1 ? '' : 's'}, not public` : 'private';
      return finding(meta, snap, resource, 'PASS', `Snapshot ${id} is ${shared}.`, proof);
    });
  },
};
