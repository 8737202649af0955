/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { ec2AccountImdsv2Default } from './ec2-account-imdsv2-default.ts';
import { ec2InstanceAmiNotDeprecated } from './ec2-instance-ami-not-deprecated.ts';
import { ec2InstanceAmiRecent } from './ec2-instance-ami-recent.ts';
import { ec2InstanceImdsv2Required } from './ec2-instance-imdsv2-required.ts';
import { ec2InstanceOsSupported } from './ec2-instance-os-supported.ts';
import { eksClusterVersionSupported } from './eks-cluster-version-supported.ts';
import { inspectorEc2InstanceScanned } from './inspector-ec2-instance-scanned.ts';
import { inspectorEc2NoCriticalFindings } from './inspector-ec2-no-critical-findings.ts';
import { inspectorEc2ScanningEnabled } from './inspector-ec2-scanning-enabled.ts';
import { inspectorEcrScanningEnabled } from './inspector-ecr-scanning-enabled.ts';
import { inspectorLambdaCodeScanningEnabled } from './inspector-lambda-code-scanning-enabled.ts';
import { inspectorLambdaScanningEnabled } from './inspector-lambda-scanning-enabled.ts';
import { lambdaFunctionRuntimeSupported } from './lambda-function-runtime-supported.ts';
import { rdsInstanceAutoMinorUpgrade } from './rds-instance-auto-minor-upgrade.ts';
import { rdsInstanceEngineSupported } from './rds-instance-engine-supported.ts';
import { ssmAgentOnline } from './ssm-agent-online.ts';
import { ssmAgentUpToDate } from './ssm-agent-up-to-date.ts';
import { ssmInstanceAssociationCompliant } from './ssm-instance-association-compliant.ts';
import { ssmInstanceManaged } from './ssm-instance-managed.ts';
import { ssmInstancePatchCompliant } from './ssm-instance-patch-compliant.ts';
import { ssmInstancePatchScanRecent } from './ssm-instance-patch-scan-recent.ts';
import type { Check } from '../types.ts';

export const computeMaintenanceChecks: Check[] = [
  ec2InstanceImdsv2Required,
  ec2AccountImdsv2Default,
  ssmInstanceManaged,
  ssmAgentOnline,
  ssmAgentUpToDate,
  ssmInstancePatchCompliant,
  ssmInstancePatchScanRecent,
  ssmInstanceAssociationCompliant,
  inspectorEc2ScanningEnabled,
  inspectorEcrScanningEnabled,
  inspectorLambdaScanningEnabled,
  inspectorLambdaCodeScanningEnabled,
  inspectorEc2InstanceScanned,
  inspectorEc2NoCriticalFindings,
  ec2InstanceAmiNotDeprecated,
  ec2InstanceAmiRecent,
  ec2InstanceOsSupported,
  lambdaFunctionRuntimeSupported,
  rdsInstanceEngineSupported,
  rdsInstanceAutoMinorUpgrade,
  eksClusterVersionSupported,
];
