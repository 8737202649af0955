/**
 * Controls no API can check: the consultant answers them per engagement, and the report shows
 * the answers. Framework ids are the CIS AWS Foundations Benchmark's.
 */
export interface ManualControlDef {
  id: string;
  title: string;
  question: string;
  frameworks: string[];
}

export const MANUAL_CONTROLS: readonly ManualControlDef[] = [
  {
    id: 'account-contact-details',
    title: 'Account contact details are current',
    question: 'Are the account\'s primary contact details (name, e-mail, phone) current and monitored by the organisation, not one person?',
    frameworks: ['cis-3.0 1.1', 'cis-4.0 1.1'],
  },
  {
    id: 'security-contact',
    title: 'A security contact is registered',
    question: 'Is an alternate Security contact registered in the account settings, reaching a monitored team mailbox?',
    frameworks: ['cis-3.0 1.2', 'cis-4.0 1.2'],
  },
  {
    id: 'security-questions',
    title: 'Root recovery is protected',
    question: 'Are the root user\'s recovery options (security questions where still offered, recovery e-mail and phone) set and held by the organisation?',
    frameworks: ['cis-3.0 1.3'],
  },
  {
    id: 'root-credentials-custody',
    title: 'Root credentials are in custody',
    question: 'Are the root password and MFA device kept under dual control (e.g. a safe or a vault), with a documented break-glass procedure?',
    frameworks: [],
  },
  {
    id: 'incident-response-plan',
    title: 'An incident response plan covers AWS',
    question: 'Does a tested incident response plan cover this AWS account (who is called, how credentials are rotated, how evidence is preserved)?',
    frameworks: [],
  },
];
