/**
 * Which guest OS an instance runs: from Systems Manager's inventory (PlatformName/PlatformVersion,
 * what the agent reads on the host), or, for an instance SSM does not manage, from the name of the
 * AMI it was launched from. The AMI says what was installed at launch, not what runs now (an
 * in-place release upgrade is invisible to it), so every verdict says which source it used.
 */
import type { OsRelease } from './eol.ts';

export interface GuestOs extends OsRelease {
  /** What the source said, e.g. "Ubuntu 20.04" or "amzn2-ami-kernel-5.10-hvm-2.0.2024...". */
  seen: string;
  source: 'ssm' | 'ami';
}

/** Windows Server builds as PlatformVersion reports them (kernel version, then build). */
const WINDOWS_BUILDS: [RegExp, string][] = [
  [/^6\.[01]\./, '2008'],
  [/^6\.[23]\./, '2012'],
  [/^10\.0\.14393/, '2016'],
  [/^10\.0\.17763/, '2019'],
  [/^10\.0\.20348/, '2022'],
  [/^10\.0\.26100/, '2025'],
];

const major = (v: string) => /^(\d+)/.exec(v)?.[1];

/** From ssm:DescribeInstanceInformation's PlatformName and PlatformVersion. */
export function osFromSsm(platformName: string | undefined, platformVersion: string | undefined): GuestOs | undefined {
  const name = (platformName ?? '').trim();
  const version = (platformVersion ?? '').trim();
  if (!name) return undefined;
  const seen = `${name} ${version}`.trim();
  const found = (family: string, v: string | undefined): GuestOs | undefined => (v ? { family, version: v, seen, source: 'ssm' } : undefined);
  if (/amazon linux/i.test(name)) {
    if (/^20(1\d)\./.test(version)) return found('amazon-linux', '1');
    return found('amazon-linux', /^2023/.test(version) ? '2023' : major(version));
  }
  if (/ubuntu/i.test(name)) return found('ubuntu', /^(\d\d\.\d\d)/.exec(version)?.[1]);
  if (/red hat/i.test(name)) return found('rhel', major(version));
  if (/centos stream/i.test(name)) return found('centos-stream', major(version));
  if (/centos/i.test(name)) return found('centos', major(version));
  if (/rocky/i.test(name)) return found('rocky', major(version));
  if (/almalinux/i.test(name)) return found('almalinux', major(version));
  if (/debian/i.test(name)) return found('debian', major(version));
  if (/\bsles\b|suse linux enterprise server/i.test(name)) return found('sles', major(version));
  if (/windows/i.test(name)) {
    const year = /server (\d{4})/i.exec(name)?.[1] ?? WINDOWS_BUILDS.find(([re]) => re.test(version))?.[1];
    return /server/i.test(name) ? found('windows-server', year) : undefined;
  }
  return undefined;
}

/** Naming schemes of the vendors' own public AMIs. */
const AMI_NAMES: [RegExp, string, (m: RegExpExecArray) => string][] = [
  [/^al2023-ami-/, 'amazon-linux', () => '2023'],
  [/^amzn2-ami-/, 'amazon-linux', () => '2'],
  [/^amzn-ami-/, 'amazon-linux', () => '1'],
  [/ubuntu(?:-pro)?-[a-z]+-(\d\d\.\d\d)-/, 'ubuntu', (m) => m[1] as string],
  [/^Windows_Server-(\d{4})-/, 'windows-server', (m) => m[1] as string],
  [/^RHEL-(\d+)\./, 'rhel', (m) => m[1] as string],
  [/^debian-(\d+)-/, 'debian', (m) => m[1] as string],
  [/^suse-sles-(\d+)/, 'sles', (m) => m[1] as string],
  [/^CentOS[- ]Stream[- ](\d+)/i, 'centos-stream', (m) => m[1] as string],
  [/^CentOS[- ](?:Linux[- ])?(\d)/i, 'centos', (m) => m[1] as string],
  [/^Rocky-(\d+)-/, 'rocky', (m) => m[1] as string],
  [/^AlmaLinux OS (\d+)/, 'almalinux', (m) => m[1] as string],
];

/** From the launch AMI's name (ec2:DescribeImages Name), when it follows a vendor's naming scheme. */
export function osFromImageName(imageName: string | undefined): GuestOs | undefined {
  const name = (imageName ?? '').trim();
  for (const [re, family, version] of AMI_NAMES) {
    const m = re.exec(name);
    if (m) return { family, version: version(m), seen: name, source: 'ami' };
  }
  return undefined;
}
