import type { CustomerDuty, ServiceModel } from '../../../shared/model/responsibility.ts';

/** One service's side of the Shared Responsibility Model, as data. */
export interface ServiceResponsibility {
  /** Leasehold's key for the service ("ec2", "ebs", "vpc"...). */
  service: string;
  title: string;
  model: ServiceModel;
  awsManages: string[];
  customerDuties: CustomerDuty[];
}

export const duty = (area: CustomerDuty['area'], text: string): CustomerDuty => ({ area, text });
