import type { Cluster } from '@aws-sdk/client-eks';
import { timeOf } from '../../maintenance/data.ts';
import { eksVersionSupport } from '../../maintenance/eol.ts';
import { accountResource, evidence, finding, missingField, notAssessed, type Resource } from '../helpers.ts';
import type { Check } from '../types.ts';
import { unassessed } from './support/instance-check.ts';

const meta = {
  id: 'eks-cluster-version-supported',
  title: 'EKS clusters run a Kubernetes version in standard support',
  area: 'compute-maintenance',
  service: 'eks',
  severity: 'high',
  responsibility:
    'AWS runs the Kubernetes control plane, but upgrading the cluster to a supported Kubernetes version (and its nodes and add-ons with it) is your job.',
  risk: 'Past standard support a version gets no new upstream fixes; EKS charges for extended support and, when that ends, upgrades the control plane itself, which can break workloads that were never tested on the new version.',
  remediation: {
    console: 'EKS console > Clusters > the cluster > Upgrade now: move one minor version at a time after checking the upgrade insights, then upgrade node groups and add-ons.',
    cli: 'aws eks update-cluster-version --name <cluster> --kubernetes-version <next minor version>',
    terraform: 'resource "aws_eks_cluster" "c" {\n  version = "1.34"\n}',
  },
  references: ['https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html'],
} as const satisfies Check['meta'];

export const eksClusterVersionSupported: Check = {
  meta,
  needs: ['eks:ListClusters', 'eks:DescribeCluster'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const list = snap.read<string[]>('eks:ListClusters', region);
      const where = accountResource(snap, region, `EKS clusters (${region})`);
      if (!list.ok) return [notAssessed(meta, snap, where, list)];
      if (list.data.length === 0) return [finding(meta, snap, where, 'NOT_APPLICABLE', `No EKS clusters in ${region}.`)];
      return list.data.map((name) => {
        const read = snap.read<Cluster | null>('eks:DescribeCluster', region, name);
        const arn = read.ok && read.data?.arn ? read.data.arn : `arn:${snap.meta.partition}:eks:${region}:${snap.meta.accountId}:cluster/${name}`;
        const resource: Resource = { id: name, arn, name, region };
        if (!read.ok) return notAssessed(meta, snap, resource, read);
        const version = read.data?.version;
        if (!version) return missingField(meta, snap, resource, read, 'cluster.version');
        const v = eksVersionSupport(version, new Date(timeOf(read.at) ?? Date.now()));
        const proof = [evidence(read, { name, version, platformVersion: read.data?.platformVersion, status: read.data?.status, upgradePolicy: read.data?.upgradePolicy ?? null })];
        if (v.status === 'unknown') {
          return unassessed(meta, snap, resource, { kind: 'unknown', code: 'NotInReferenceData', call: 'reference:eks-versions', message: `Kubernetes ${version} of ${name} is not in the reference data (${v.basis}).` }, proof);
        }
        if (v.status === 'ended') {
          const extended = v.endOfExtendedSupport ? `; extended support (paid) ends on ${v.endOfExtendedSupport}` : '';
          return finding(meta, snap, resource, 'FAIL', `${name} runs Kubernetes ${version}, whose EKS standard support ended on ${v.endDate}${extended} (${v.basis}).`, proof);
        }
        const until = v.endDate ? `in standard support until ${v.endDate}` : (v.note ?? 'in standard support');
        return finding(meta, snap, resource, 'PASS', `${name} runs Kubernetes ${version}, ${until} (${v.basis}).`, proof);
      });
    });
  },
};
