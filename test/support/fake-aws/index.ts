/** A loopback AWS that speaks the real wire protocols, seeded from a FakeAccount. See README.md. */
export { startFakeAws, type FakeAws, type FakeAwsOptions, type RequestRecord } from './server.ts';
export { writeAwsProfile, FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, type AwsProfileOptions } from './profile.ts';
export { EMULATOR_HTML_500, localstackNotImplemented, type FaultRule } from './faults.ts';
export { AWS_RATES, scaleRates, type ThrottleRule } from './throttle.ts';
export type {
  FakeAccount,
  FakeAuthorization,
  FakeBucket,
  FakePublicAccessBlock,
  FakeRegion,
  FakeRegionalResources,
  FakeTrail,
  OptInStatus,
} from './account.ts';
