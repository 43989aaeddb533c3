import { describe, expect, it } from 'vitest';
import { compactConcats, compactErrorSites, directRecursiveCalls, ownKeySets, positionalInstancePath } from '../../src/codegen/compact-ajv-code.js';

const append = (err: string) => `;\nif(vErrors === null){\nvErrors = [${err}];\n}\nelse {\nvErrors.push(${err});\n}\nerrors++;`;

describe('compactErrorSites', () => {
  it('turns each error site into one call of $e, with the property name as detail for required and additionalProperties', () => {
    const code = [
      `if(x){\nconst err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "a\\"b"},message:"must have required property '"+"a\\"b"+"'"}${append('err0')}\n}`,
      `const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}${append('err1')}`,
      `const err2 = {instancePath:instancePath+"/a,}",schemaPath:"#/properties/a,}/pattern",keyword:"pattern",params:{pattern: "^}$"},message:"must match pattern \\""+"^}$"+"\\"",propertyName:key1}${append('err2')}`,
      `const err3 = {}${append('err3')}`,
    ].join('\n');
    expect(compactErrorSites(code)).toBe(
      [
        'if(x){\nvErrors = $e(vErrors, instancePath, "required", "a\\"b");\nerrors++;\n}',
        'vErrors = $e(vErrors, instancePath, "additionalProperties", key0);\nerrors++;',
        'vErrors = $e(vErrors, instancePath+"/a,}", "pattern", "must match pattern \\""+"^}$"+"\\"");\nerrors++;',
        'vErrors = $e(vErrors);\nerrors++;',
      ].join('\n'),
    );
  });

  it('throws on a shape it does not know rather than emit broken code', () => {
    expect(() => compactErrorSites(`const err0 = {instancePath,keyword:"type",params:{},message:"m"};\nvErrors.push(err0);`)).toThrow(/does not append err0/);
    expect(() => compactErrorSites(`const err0 = {instancePath,keyword:"type",params:{},message:"m",schema:schema11}${append('err0')}`)).toThrow(/field "schema"/);
    expect(() => compactErrorSites(`const err0 = {instancePath,keyword:"type",params:{}}${append('err0')}`)).toThrow(/lacks its path, keyword or message/);
  });
});

describe('positionalInstancePath', () => {
  it('passes the instance path alone, and declares it only where the body uses it', () => {
    const code = [
      'function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){',
      'if(!(validate12(data[i0], {instancePath:instancePath+"/a(" + i0,parentData:data,parentDataProperty:i0,rootData}))){',
      '}',
      'validate11.errors = vErrors;',
      '}',
      'function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){',
      'validate12.errors = vErrors;',
      '}',
      'const ok = formats0.validate(data);',
    ].join('\n');
    expect(positionalInstancePath(code)).toBe(
      [
        'function validate11(data: any, instancePath = ""): boolean{',
        'if(!(validate12(data[i0], instancePath+"/a(" + i0))){',
        '}',
        'validate11.errors = vErrors;',
        '}',
        'function validate12(data: any, _instancePath?: string): boolean{',
        'validate12.errors = vErrors;',
        '}',
        'const ok = formats0.validate(data);',
      ].join('\n'),
    );
  });

  it('throws where the code reads the rest of the context', () => {
    const signature = 'function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){\n';
    expect(() => positionalInstancePath(`${signature}const x = rootData.a;\nvalidate11.errors = vErrors;`)).toThrow(/reads "rootData"/);
    expect(() => positionalInstancePath(`${signature}validate12(data, {instancePath, dynamicAnchors});\nvalidate11.errors = vErrors;`)).toThrow(/unexpected arguments/);
  });
});

describe('ownKeySets', () => {
  it('tests additional properties against a set of the declared names, not the whole schema', () => {
    const code = [
      'const schema11 = {"type":"object","properties":{"a":{"type":"string"},"__proto__":{},"n b":{"properties":{"x":{},"y":{}}}}};',
      'const func0 = Object.prototype.hasOwnProperty;',
      'if(!(func0.call(schema11.properties, key0))){}',
      'if(!(func0.call(schema11.properties["n b"].properties, key1))){}',
      'if(!(func0.call(schema11.properties, key2))){}',
    ].join('\n');
    expect(ownKeySets(code)).toBe(
      [
        'const $keys0 = new Set(["a","__proto__","n b"]);',
        'const $keys1 = new Set(["x","y"]);',
        'const schema11 = {"type":"object","properties":{"a":{"type":"string"},"__proto__":{},"n b":{"properties":{"x":{},"y":{}}}}};',
        'const func0 = Object.prototype.hasOwnProperty;',
        'if(!($keys0.has(key0))){}',
        'if(!($keys1.has(key1))){}',
        'if(!($keys0.has(key2))){}',
      ].join('\n'),
    );
  });

  it('throws where the tested value is not an object of the schema', () => {
    const code = 'const schema11 = {"required":["a"]};\nconst func0 = Object.prototype.hasOwnProperty;\nfunc0.call(schema11.required, key0)';
    expect(() => ownKeySets(code)).toThrow(/not an object/);
    expect(() => ownKeySets('const func0 = Object.prototype.hasOwnProperty;\nfunc0.call(schema12.properties, key0)')).toThrow(/does not define it/);
  });
});

describe('compactConcats', () => {
  it('appends the errors of a failed sub-validator through $concat', () => {
    expect(compactConcats('vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);\nerrors = vErrors.length;')).toBe(
      'vErrors = $concat(vErrors, validate13.errors);\nerrors = vErrors.length;',
    );
  });
});

describe('directRecursiveCalls', () => {
  it('calls a recursive validator by its name rather than through ajv\'s wrapper', () => {
    const code = 'const wrapper0 = {validate: validate22};\nif(!(wrapper0.validate(data0[i0], {instancePath}))){\nvErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);\n}';
    expect(directRecursiveCalls(code)).toBe('if(!(validate22(data0[i0], {instancePath}))){\nvErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);\n}');
  });
});
