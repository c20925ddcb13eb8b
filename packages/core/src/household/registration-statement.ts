import { AreaSchema, type Area } from '../area/area.entity.js';
import type { TuopinContext } from '../kernel/context.js';
import { stampedStatement } from '../kernel/one-statement-write.js';
import { jsonRows } from '../kernel/read/json-rows.js';
import { MemberSchema, type Member } from '../member/member.entity.js';
import { HouseholdSchema, type Household } from './household.entity.js';
import { CLASH_SELECT, clashValues, noClashes, throwIfClashes, type Clashes, type RegistrationKeys } from './registration-checks.js';

/** A registration that passed every check that needs no database: the rows to write. */
export interface CheckedRegistration extends RegistrationKeys {
  household: Omit<Household, 'id' | 'createdAt' | 'updatedAt' | 'povertyStandard' | 'assistanceClass'>;
  /** The members' rows, but for the household's id and village, which the statement fills in. */
  members: Omit<Member, 'id' | 'householdId' | 'villageCode' | 'createdAt' | 'updatedAt'>[];
}

/** What a registration wrote, as stored: the rows its payload reads, so they need not be read back. */
export interface RegisteredRows {
  household: Household;
  members: Member[];
  village: Area;
}

interface RegistrationRow extends Clashes {
  household: unknown[] | null;
  members: unknown[][] | null;
  village: unknown[] | null;
}

/**
 * Writes a checked registration in one statement: the registry checks (`CLASH_SELECT`), the
 * household and its members — written only when nothing clashes — and, back from it, the rows
 * as stored and the village's. Send it with `inOneStatement` (or inside a transaction). The
 * unique constraints stay the guarantee when two registrations race; a clash found by the
 * checks throws the typed error they name, and nothing is written.
 */
export async function insertRegistration(ctx: TuopinContext, registration: CheckedRegistration): Promise<RegisteredRows> {
  const households = ctx.db.columns(HouseholdSchema);
  const members = ctx.db.columns(MemberSchema);
  const areas = ctx.db.columns(AreaSchema);
  // The columns written are those the checked rows carry (sorted: one statement text), so a
  // column added to the registration's rows is written without a second list to keep.
  const householdRows = jsonRows(households, columnsOf(registration.household));
  const memberRows = jsonRows(members, columnsOf(registration.members[0]));
  const sql = stampedStatement(ctx)
    .append(`, checked as (${CLASH_SELECT})`, ...clashValues(registration))
    .append(
      `, h as (insert into ${households.table} (${householdRows.targets})
          select ${householdRows.sources('r')} from stamp, checked, json_populate_recordset(null::${households.table}, ?::json) r
          where ${noClashes('checked')}
          returning *)`,
      householdRows.json([registration.household]),
    )
    .append(
      // In the order sent: ids follow it, and the members' order after the head is theirs.
      `, m as (insert into ${members.table} (household_id, village_code, ${memberRows.targets})
          select h.id, h.village_code, ${memberRows.sources('r')} from h, rows from (json_populate_recordset(null::${members.table}, ?::json)) with ordinality r
          order by r.ordinality
          returning *)`,
      memberRows.json(registration.members),
    )
    .append(
      ` select c.village_exists, c.group_ok, c.number_taken, c.registered,
          (select ${households.jsonArray('h')} from h) as household,
          (select json_agg(${members.jsonArray('m')} order by m.id) from m) as members,
          (select ${areas.jsonArray('a')} from ${areas.table} a where a.code = ?) as village
        from checked c`,
      registration.villageCode,
    );
  const [row] = await ctx.db.rows<RegistrationRow>(sql);
  throwIfClashes(row, registration);
  if (!row.household || !row.members || !row.village) throw new Error('a registration that passed its checks wrote nothing');
  return {
    household: households.fromJsonArray(row.household),
    members: row.members.map((member) => members.fromJsonArray(member)),
    village: areas.fromJsonArray(row.village),
  };
}

/** The properties a row to write carries, in a fixed order. */
function columnsOf<Row extends object>(row: Row): (keyof Row & string)[] {
  return (Object.keys(row) as (keyof Row & string)[]).sort();
}
