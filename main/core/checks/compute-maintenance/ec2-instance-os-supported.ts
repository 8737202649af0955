import type { Image } from '@aws-sdk/client-ec2';
import type { InstanceInformation } from '@aws-sdk/client-ssm';
import type { Evidence } from '../../../../shared/model/finding.ts';
import { indexBy, timeOf } from '../../maintenance/data.ts';
import { osSupport } from '../../maintenance/eol.ts';
import { osFromImageName, osFromSsm, type GuestOs } from '../../maintenance/os.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perLiveInstance, unassessed } from './support/instance-check.ts';

const meta = {
  id: 'ec2-instance-os-supported',
  title: 'EC2 instances run an operating system that still gets security updates',
  area: 'compute-maintenance',
  service: 'ec2',
  severity: 'high',
  responsibility:
    'The guest operating system is entirely yours under the shared responsibility model. When its vendor stops publishing free security updates, no amount of patching keeps it safe: you must upgrade it or buy extended support.',
  risk: 'An operating system past its end of support collects unfixed vulnerabilities month after month; Inspector and Patch Manager have nothing left to install.',
  remediation: {
    console: 'Plan a migration to a supported release (for example Amazon Linux 2 to Amazon Linux 2023, Ubuntu 20.04 to 24.04, Windows Server 2012 R2 to 2022) and replace the instance, or buy the vendor\'s paid extended support (Ubuntu Pro, RHEL ELS, Windows ESU) until you do.',
  },
  references: ['https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-manager.html', 'https://aws.amazon.com/amazon-linux-2/faqs/'],
} as const satisfies Check['meta'];

export const ec2InstanceOsSupported: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'ssm:DescribeInstanceInformation', 'ec2:DescribeImages'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, instance, resource, instances }) => {
      const ssm = snap.read<InstanceInformation[]>('ssm:DescribeInstanceInformation', region);
      const info = ssm.ok ? indexBy(ssm.data, (i) => i.InstanceId).get(resource.id) : undefined;
      let os: GuestOs | undefined;
      let proof: Evidence[] = [];
      if (ssm.ok && info) {
        os = osFromSsm(info.PlatformName, info.PlatformVersion);
        proof = [evidence(ssm, { InstanceId: info.InstanceId, PlatformType: info.PlatformType, PlatformName: info.PlatformName, PlatformVersion: info.PlatformVersion })];
      }
      if (!os) {
        // Not managed (or an OS SSM names in a way we do not know): the launch AMI's name is the next best source.
        const images = snap.read<Image[]>('ec2:DescribeImages', region);
        const image = images.ok && instance.ImageId ? indexBy(images.data, (i) => i.ImageId).get(instance.ImageId) : undefined;
        os = osFromImageName(image?.Name);
        if (os && images.ok) proof = [...proof, evidence(images, { ImageId: image?.ImageId, Name: image?.Name, OwnerId: image?.OwnerId, PlatformDetails: image?.PlatformDetails })];
      }
      if (!os) {
        if (!ssm.ok) return notAssessed(meta, snap, resource, ssm);
        const seen = info ? `Systems Manager reports "${info.PlatformName ?? ''} ${info.PlatformVersion ?? ''}", which is not a known release` : 'the instance is not managed by Systems Manager and its AMI name does not identify the OS';
        return unassessed(meta, snap, resource, { kind: 'not-collected', code: 'PlatformUnknown', call: ssm.call, message: `The operating system of ${resource.id} could not be identified: ${seen}.` }, proof);
      }
      const now = new Date(timeOf(instances.at) ?? Date.now());
      const v = osSupport(os, now);
      // moto 5.x does not implement DescribeInstanceInformation: an unread list must not read as "not managed".
      const why = !ssm.ok ? `Systems Manager could not be read: ${ssm.error.code}` : info ? 'Systems Manager\'s platform name was not recognised' : 'not managed by Systems Manager';
      const from = os.source === 'ssm' ? 'reported by Systems Manager' : `from its launch AMI "${os.seen}" (${why}, so an in-place upgrade would not show)`;
      if (v.status === 'unknown') {
        return unassessed(meta, snap, resource, { kind: 'unknown', code: 'NotInReferenceData', call: 'reference:os-releases', message: `${v.label} (${from}) is not in the reference data (${v.basis}).` }, proof);
      }
      if (v.status === 'ended') return finding(meta, snap, resource, 'FAIL', `${resource.id} runs ${v.label}, ${from}; its free security updates ended on ${v.endDate} (${v.basis}).`, proof);
      const until = v.endDate ? `supported until ${v.endDate}` : (v.note ?? 'supported');
      return finding(meta, snap, resource, 'PASS', `${resource.id} runs ${v.label}, ${from}; ${until} (${v.basis}).`, proof);
    });
  },
};
