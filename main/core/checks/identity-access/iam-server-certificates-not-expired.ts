import type { StoredServerCertificate } from '../../collect/iam-entities.ts';
import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'iam-server-certificates-not-expired',
  title: 'No expired SSL/TLS certificates are stored in IAM',
  area: 'identity-access',
  service: 'iam',
  severity: 'medium',
  responsibility: 'Managing the certificates you upload is your job. Delete IAM server certificates once they expire, and prefer ACM, which renews them.',
  risk: 'An expired certificate can still be attached to a load balancer or CloudFront by mistake, breaking HTTPS and the trust of your users.',
  remediation: {
    console: 'IAM server certificates have no console page; use the CLI (or move to AWS Certificate Manager).',
    cli: 'aws iam delete-server-certificate --server-certificate-name <name>',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html'],
} as const satisfies Check['meta'];

export const iamServerCertificatesNotExpired: Check = {
  meta,
  needs: ['iam:ListServerCertificates'],
  evaluate(snap) {
    const read = snap.read<StoredServerCertificate[]>('iam:ListServerCertificates', GLOBAL);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL), read)];
    if (read.data.length === 0) {
      return [finding(meta, snap, accountResource(snap, GLOBAL), 'NOT_APPLICABLE', 'No server certificates are stored in IAM.', [evidence(read, { ServerCertificateMetadataList: [] })])];
    }
    const now = Date.parse(read.at);
    return read.data.map((c) => {
      const resource = { id: c.ServerCertificateName, arn: c.Arn, name: c.ServerCertificateName, region: GLOBAL };
      if (!c.Expiration) return missingField(meta, snap, resource, read, 'ServerCertificateMetadata.Expiration');
      const proof = [evidence(read, c)];
      return Date.parse(c.Expiration) <= now
        ? finding(meta, snap, resource, 'FAIL', `The certificate expired on ${c.Expiration.slice(0, 10)} and is still stored in IAM.`, proof)
        : finding(meta, snap, resource, 'PASS', `The certificate is valid until ${c.Expiration.slice(0, 10)}.`, proof);
    });
  },
};
