import { sourceFromAddress } from '../../office-addin/selection';

describe('roster source from the selection', () => {
  it('takes the rectangle, or the whole sheet for one cell or whole columns', () => {
    expect(sourceFromAddress("'Classe NDRC'!A1:D30")).toEqual({ sheet: 'Classe NDRC', range: 'A1:D30' });
    expect(sourceFromAddress("'O''Brien'!$B$2:$C$9")).toEqual({ sheet: "O'Brien", range: 'B2:C9' });
    expect(sourceFromAddress('Liste!C4')).toEqual({ sheet: 'Liste' });
    expect(sourceFromAddress('Liste!A:D')).toEqual({ sheet: 'Liste' });
  });
});
