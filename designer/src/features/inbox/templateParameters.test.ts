import { describe, expect, it } from 'vitest';
import { renderTemplate, templateParameterCount } from './templateParameters';

describe('templateParameterCount', () => {
  it('is the highest parameter mentioned', () => {
    expect(templateParameterCount('Hi {{1}}, order {{2}} is {{ 3 }}')).toBe(3);
    expect(templateParameterCount('No parameters')).toBe(0);
  });
});

describe('renderTemplate', () => {
  it('fills parameters and leaves missing ones visible', () => {
    expect(renderTemplate('Hi {{1}}, order {{2}}', ['Ann'])).toBe('Hi Ann, order {{2}}');
  });
});
