/**
 * The district the chapter benches measure: the one with the most property areas in the city seed,
 * with its streets and communities (the drill-down levels) and its officers' usernames.
 */
export async function busiestDistrict(dataSource) {
  const [big] = await dataSource.query(
    "SELECT r.id, r.name, COUNT(*) AS n FROM property_areas a JOIN regions r ON r.id = a.districtId WHERE r.level = 'DISTRICT' GROUP BY r.id, r.name ORDER BY n DESC, r.id LIMIT 1",
  );
  const districtId = Number(big.id);
  const streets = (await dataSource.query("SELECT id FROM regions WHERE level = 'STREET' AND parentId = ? ORDER BY sortOrder, id", [districtId])).map((r) => Number(r.id));
  const communities = (
    await dataSource.query("SELECT c.id FROM regions c JOIN regions s ON s.id = c.parentId WHERE c.level = 'COMMUNITY' AND s.parentId = ? ORDER BY c.id", [districtId])
  ).map((r) => Number(r.id));
  return { districtId, name: big.name, areas: Number(big.n), streets, communities };
}

/** The username of the first active account of `role` in the district. */
export async function officerOf(dataSource, role, districtId) {
  const [row] = await dataSource.query("SELECT username FROM accounts WHERE role = ? AND districtId = ? AND status = 'ACTIVE' ORDER BY id LIMIT 1", [role, districtId]);
  if (!row) throw new Error(`no ${role} account in district ${districtId}`);
  return row.username;
}
