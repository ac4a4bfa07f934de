export { campaignLaunch } from "./launch-job";
export { metaSpecFor, targetingFor, type MetaSpec } from "./meta-spec";
export { resumeLaunch, startLaunch, type LaunchRefusal, type LaunchStart } from "./start";
