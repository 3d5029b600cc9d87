/**
 * Canvas or WebGL. Cytoscape's WebGL renderer (3.31+) draws thousands of elements far faster
 * on a GPU, but on a software GL (SwiftShader, llvmpipe: a browser without a GPU, headless
 * Chromium) it is slower than the 2D canvas (docs/benchmarks.md), so it is chosen only when
 * the browser reports a hardware renderer. `?renderer=webgl|canvas` in the page address forces
 * either (for the benchmark, and to compare on one machine).
 */
export type RendererKind = 'canvas' | 'webgl';

export interface RendererChoice {
  kind: RendererKind;
  /** Why: the GL renderer string, or what forced the choice. */
  reason: string;
}

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen|microsoft basic/i;

/** Whether a WebGL renderer string names a CPU implementation rather than a GPU. */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE_GL.test(name);
}

/** The WebGL2 renderer string, or undefined when there is no WebGL2 at all. */
export function probeGl(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

export function chooseRenderer(search: string, probe: () => string | undefined = probeGl): RendererChoice {
  const forced = new URLSearchParams(search).get('renderer');
  if (forced === 'webgl' || forced === 'canvas') return { kind: forced, reason: 'forced by ?renderer=' };
  const gl = probe();
  if (gl === undefined) return { kind: 'canvas', reason: 'no WebGL2' };
  if (isSoftwareRenderer(gl)) return { kind: 'canvas', reason: `software GL: ${gl}` };
  // Some browsers mask the name entirely; an empty answer is not proof of a GPU.
  if (gl.trim() === '') return { kind: 'canvas', reason: 'GL renderer unknown' };
  return { kind: 'webgl', reason: gl };
}
