import { describe, expect, it } from 'vitest';
import { scriptBlocks } from '../../src/scan/sfc.js';

describe('scriptBlocks', () => {
  it('keeps the script blocks of a component where they are and blanks the rest', () => {
    const vue = ['<template>', '  <p @click="analytics.track(\'Markup\')">é</p>', '</template>', '<script setup lang="ts">', "analytics.track('Inside');", '</script>', '<script>', 'export default {};', '</script>'].join('\n');
    const code = scriptBlocks(vue);
    expect(code.length).toBe(vue.length);
    const original = vue.split('\n');
    const kinds = code.split('\n').map((line, i) => (line === original[i] ? 'kept' : line === ' '.repeat(original[i]!.length) ? 'blank' : 'changed'));
    expect(kinds).toEqual(['blank', 'blank', 'blank', 'blank', 'kept', 'blank', 'blank', 'kept', 'blank']);
    expect(code.indexOf("analytics.track('Inside')")).toBe(vue.indexOf("analytics.track('Inside')"));
    expect(code).not.toContain('Markup');
  });

  it('gives only blanks for a component without a script', () => {
    expect(scriptBlocks('<div>\n</div>')).toBe('     \n      ');
  });
});
