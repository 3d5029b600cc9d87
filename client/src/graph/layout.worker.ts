/** Runs force-layout.ts off the main thread: one request in, one set of positions out. */
import { forceLayout, type LayoutInput } from './force-layout.ts';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export interface LayoutResponse {
  id: number;
  positions: Float64Array;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  const positions = forceLayout(input);
  const response: LayoutResponse = { id, positions };
  self.postMessage(response, { transfer: [positions.buffer] });
};
