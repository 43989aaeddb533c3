import { describe, expect, it } from 'vitest';
import { splitWords } from '../../src/naming/words.js';

describe('splitWords', () => {
  it.each<[string, string[]]>([
    ['order_completed', ['order', 'completed']],
    ['order-completed', ['order', 'completed']],
    ['Order Completed', ['Order', 'Completed']],
    ['orderCompleted', ['order', 'Completed']],
    ['OrderCompleted', ['Order', 'Completed']],
    ['ORDER_COMPLETED', ['ORDER', 'COMPLETED']],
    ['HTMLParserLoaded', ['HTML', 'Parser', 'Loaded']],
    ['HTML5Parser', ['HTML5', 'Parser']],
    ['utm_source2', ['utm', 'source2']],
    ['step2Completed', ['step2', 'Completed']],
    ['mp3player', ['mp3player']],
    ['__order__completed__', ['order', 'completed']],
    ['  Order   Completed  ', ['Order', 'Completed']],
    ['-order--completed-', ['order', 'completed']],
    ['address.postal_code', ['address', 'postal', 'code']],
    ['Order: Completed!', ['Order', 'Completed']],
    ['Bestellung_Abgeschlossen', ['Bestellung', 'Abgeschlossen']],
    ['commandeTerminée', ['commande', 'Terminée']],
    ['注文完了', ['注文完了']],
    ['userIDs', ['user', 'IDs']],
    ['APIKeyCreated', ['API', 'Key', 'Created']],
    ['404_page_viewed', ['404', 'page', 'viewed']],
    ['3DSecureCompleted', ['3D', 'Secure', 'Completed']],
    ['', []],
    ['___', []],
  ])('%j → %j', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });

  it('reads a trailing lower-case s as a plural only where the word ends', () => {
    expect(splitWords('URLsCopied')).toEqual(['URLs', 'Copied']);
    expect(splitWords('HTTPSserver')).not.toContain('HTTPSs');
  });

  it('keeps combining marks inside their word', () => {
    const decomposed = 'E\u0301cole_ouverte';
    expect(splitWords(decomposed)).toEqual(['E\u0301cole', 'ouverte']);
  });

  it('gives the same result when called repeatedly (no regex state leaks between calls)', () => {
    expect(splitWords('a_b')).toEqual(['a', 'b']);
    expect(splitWords('c_d')).toEqual(['c', 'd']);
  });
});
