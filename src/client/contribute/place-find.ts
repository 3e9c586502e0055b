// A place's town, postcode and district filled in from a typed town or postcode, with the site's list of places.
import { outsideMessage, resolvePlace, type PlaceLookup, type PlaceMatch } from '../../lib/places/places.ts';
import { parseName, pathId, type Path } from '../../lib/contribute/form-model.ts';

/** What a match fills in (field name → value) and what the status line says. */
export function placeFills(text: string, match: PlaceMatch | null, districts: readonly { id: string; label: string }[]): { fills: [string, string][]; status: string } {
  if (!match) return { fills: [], status: `We could not find “${text}” in Sussex. Check the spelling, or type the town and postcode below.` };
  if (match.kind === 'outside') return { fills: [], status: outsideMessage(match) };
  const fills: [string, string][] = [['town', match.place.name]];
  // A whole postcode goes in the file; a district code alone ("BN43") only finds the town.
  const whole = match.kind === 'postcode' && match.postcode.includes(' ');
  if (whole) fills.push(['postcode', match.postcode]);
  const district = districts.find((d) => d.id === match.place.district);
  if (district) fills.push(['district', district.id]);
  return { fills, status: `Found: ${match.place.name}${district ? `, ${district.label}` : ''}. The town${whole ? ', postcode' : ''} and district are filled in below. The map shows it near the middle of ${match.place.name}.` };
}

export interface PlaceFindOptions {
  lookup(): Promise<PlaceLookup | undefined>;
  districts: readonly { id: string; label: string }[];
  /** Puts a value in a field, as if typed. */
  fill(path: Path, value: string): void;
  /** Checks the form again. */
  done(): void;
}

/** Looks up what was typed in a place's "find" box (once per text) and fills in the place. */
export async function findPlaceFor(itemName: string, o: PlaceFindOptions): Promise<void> {
  const itemPath = parseName(itemName);
  const input = document.getElementById(`${pathId(itemPath)}-find`) as HTMLInputElement | null;
  const status = document.getElementById(`${pathId(itemPath)}-find-status`);
  const text = input?.value.trim() ?? '';
  if (!input || !status || !text || input.dataset.found === text) return;
  const lookup = await o.lookup();
  if (!lookup) {
    status.textContent = 'The list of places could not be loaded. Type the town and postcode below instead.';
    return;
  }
  const match = resolvePlace(text, lookup);
  const { fills, status: said } = placeFills(text, match, o.districts);
  if (fills.length) {
    input.dataset.found = text;
    for (const [key, value] of fills) o.fill([...itemPath, key], value);
  }
  status.textContent = said;
  if (fills.length) o.done();
}
