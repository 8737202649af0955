/** Framework requirements tested by the compute-maintenance checks. Only ids verified against the framework's own text. */
import type { Crosswalk } from './types.ts';

export const computeMaintenanceCrosswalk: Crosswalk = {
  fsbp: {
    'EC2.8': ['ec2-instance-imdsv2-required'],
    'SSM.1': ['ssm-instance-managed'],
    'SSM.2': ['ssm-instance-patch-compliant'],
    'SSM.3': ['ssm-instance-association-compliant'],
    'Inspector.1': ['inspector-ec2-scanning-enabled'],
    'Inspector.2': ['inspector-ecr-scanning-enabled'],
    'Inspector.3': ['inspector-lambda-code-scanning-enabled'],
    'Inspector.4': ['inspector-lambda-scanning-enabled'],
    'Lambda.2': ['lambda-function-runtime-supported'],
    'RDS.13': ['rds-instance-auto-minor-upgrade'],
    'EKS.2': ['eks-cluster-version-supported'],
  },
};
