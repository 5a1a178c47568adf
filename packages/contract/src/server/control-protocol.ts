// The control surface's wire names, free of Node APIs so a browser-side caller can import them.

/**
 * Prefix of the control surface. No OneLogin path starts with `/__`, and the route matcher
 * never sees these requests, so a control call cannot be mistaken for an API call (or the
 * reverse).
 */
export const CONTROL_PREFIX = "/__control/";

/** Header that must carry the server's control token; the API's bearer token does not open it. */
export const CONTROL_TOKEN_HEADER = "x-fake-control-token";
