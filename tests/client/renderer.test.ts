import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareRenderer } from '../../client/src/graph/renderer.ts';

describe('chooseRenderer', () => {
  const swiftshader = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
  const llvmpipe = 'llvmpipe (LLVM 15.0.6, 256 bits)';
  const gpu = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)';

  it('tells software GL from a GPU', () => {
    expect(isSoftwareRenderer(swiftshader)).toBe(true);
    expect(isSoftwareRenderer(llvmpipe)).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer(gpu)).toBe(false);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
  });

  it('takes WebGL on a GPU and the canvas otherwise', () => {
    expect(chooseRenderer('', () => gpu).kind).toBe('webgl');
    expect(chooseRenderer('', () => swiftshader).kind).toBe('canvas');
    expect(chooseRenderer('', () => undefined).kind).toBe('canvas');
    expect(chooseRenderer('', () => '').kind).toBe('canvas');
  });

  it('lets the address force either', () => {
    expect(chooseRenderer('?renderer=webgl', () => swiftshader).kind).toBe('webgl');
    expect(chooseRenderer('?renderer=canvas', () => gpu).kind).toBe('canvas');
    expect(chooseRenderer('?renderer=bogus', () => gpu).kind).toBe('webgl');
  });
});
