import { toCsv } from '../../server/src/utils/csv';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x,y', b: 'say "hi"\nthere' }])).toBe(
      'a,b\r\n"x,y","say ""hi""\nthere"\r\n'
    );
  });

  it('never lets a cell start a formula (=, +, -, @, tab, CR)', () => {
    const hostile = ['=HYPERLINK("http://evil")', '+1+1', '-2', '@SUM(A1)', '\t=1', '\r=1'];
    const csv = toCsv(
      ['reason'],
      hostile.map((reason) => ({ reason }))
    );
    const cells = csv.split('\r\n').slice(1, -1);
    expect(cells[0]).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(cells[1]).toBe("'+1+1");
    expect(cells[2]).toBe("'-2");
    expect(cells[3]).toBe("'@SUM(A1)");
    expect(cells[4]).toBe("'\t=1");
    expect(csv).toContain('"\'\r=1"');
    expect(toCsv(['n'], [{ n: 3 }, { n: 'plain' }])).toBe('n\r\n3\r\nplain\r\n');
  });
});
