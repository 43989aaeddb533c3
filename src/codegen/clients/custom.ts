import type { ClientTemplate } from './types.js';

export const customSink: ClientTemplate = {
  identityRequired: false,
  runtime: `/** One call, shaped like a Segment message, as the custom sink receives it. */
export type Message = CallOptions & $Call;

let $client: ((message: Message) => void) | undefined;

/** Sets the function that receives every message the generated functions send. */
export function setClient(sink: (message: Message) => void): void {
  $client = sink;
}

function $send(call: $Call, options: CallOptions = {}): void {
  if ($client === undefined) return $warnOnce("cdp: no sink: call setClient(message => ...) before sending events; this call was dropped");
  $client({ ...options, ...call });
}
`,
};
