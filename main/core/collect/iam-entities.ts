/**
 * IAM lists that GetAccountAuthorizationDetails does not cover: virtual MFA devices (to tell a
 * root user's virtual MFA from a hardware one) and IAM-stored server certificates. Timestamps are
 * stored as ISO strings so a re-evaluation reads the same data as the live scan.
 */
import {
  ListServerCertificatesCommand,
  ListVirtualMFADevicesCommand,
  type ListServerCertificatesCommandOutput,
  type ListVirtualMFADevicesCommandOutput,
  type ServerCertificateMetadata,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

export interface StoredVirtualMfaDevice {
  SerialNumber: string;
  EnableDate: string | null;
  /** Absent for an unassigned device; the root user shows as arn:aws:iam::<account>:root. */
  User: { Arn: string | null; UserName: string | null; UserId: string | null } | null;
}

export interface StoredServerCertificate {
  ServerCertificateName: string;
  ServerCertificateId: string;
  Arn: string;
  Path: string;
  UploadDate: string | null;
  Expiration: string | null;
}

const iso = (d: Date | undefined): string | null => d?.toISOString() ?? null;

export const iamEntityDatasets: DatasetDef[] = [
  {
    id: 'iam:ListVirtualMFADevices',
    service: 'iam',
    scope: 'global',
    iamActions: ['iam:ListVirtualMFADevices'],
    async collect(ctx): Promise<StoredVirtualMfaDevice[]> {
      const client = ctx.session.client('iam', ctx.homeRegion);
      const devices = await collectPages<ListVirtualMFADevicesCommandOutput, VirtualMFADevice>(
        (Marker) => ctx.send(client, new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Any', MaxItems: 1000, Marker })),
        (page) => page.VirtualMFADevices,
        (page) => (page.IsTruncated ? page.Marker : undefined),
      );
      // The seed and QR code are secrets and never needed: they are dropped, not stored.
      return devices.map((d) => ({
        SerialNumber: d.SerialNumber ?? '',
        EnableDate: iso(d.EnableDate),
        User: d.User ? { Arn: d.User.Arn ?? null, UserName: d.User.UserName ?? null, UserId: d.User.UserId ?? null } : null,
      }));
    },
  },
  {
    id: 'iam:ListServerCertificates',
    service: 'iam',
    scope: 'global',
    iamActions: ['iam:ListServerCertificates'],
    async collect(ctx): Promise<StoredServerCertificate[]> {
      const client = ctx.session.client('iam', ctx.homeRegion);
      const certs = await collectPages<ListServerCertificatesCommandOutput, ServerCertificateMetadata>(
        (Marker) => ctx.send(client, new ListServerCertificatesCommand({ MaxItems: 1000, Marker })),
        (page) => page.ServerCertificateMetadataList,
        (page) => (page.IsTruncated ? page.Marker : undefined),
      );
      return certs.map((c) => ({
        ServerCertificateName: c.ServerCertificateName ?? '',
        ServerCertificateId: c.ServerCertificateId ?? '',
        Arn: c.Arn ?? '',
        Path: c.Path ?? '/',
        UploadDate: iso(c.UploadDate),
        Expiration: iso(c.Expiration),
      }));
    },
  },
];
