export { analyzeBrandOffline } from "./analyze-brand";
export { writeAdCopyOffline } from "./write-ad-copy";
export { recommendStrategyOffline } from "./recommend-strategy";
