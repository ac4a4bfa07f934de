export { safeFetch, type Resolver, type SafeFetchOptions, type SafeFetchResult } from "./safe-fetch";
export { isSafeFetchError, SafeFetchError, type SafeFetchErrorCode } from "./safe-fetch-error";
export { isInternalHostname, isPublicAddress } from "./address-policy";
