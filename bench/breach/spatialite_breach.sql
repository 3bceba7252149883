-- SpatiaLite peer of the breach benchmark: buildings minus the baseline survey (through the
-- spatial index), split into single parts, then joined to curtilages and red lines (through their
-- spatial indexes). Run on a copy of the workspace: spatialite city.sqlite < spatialite_breach.sql
.timer on
DROP TABLE IF EXISTS bench_diff;
CREATE TABLE bench_diff AS
SELECT b.ROWID AS building,
       CASE WHEN u.g IS NULL THEN b.geom ELSE ST_Difference(b.geom, u.g) END AS geom
FROM city_buildings b
LEFT JOIN (
    SELECT b2.ROWID AS id, ST_Union(x.geom) AS g
    FROM city_buildings b2, city_baseline x
    WHERE x.ROWID IN (SELECT ROWID FROM SpatialIndex
                      WHERE f_table_name = 'city_baseline' AND search_frame = b2.geom)
      AND ST_Intersects(x.geom, b2.geom)
    GROUP BY b2.ROWID) u ON u.id = b.ROWID;
DELETE FROM bench_diff WHERE geom IS NULL OR ST_IsEmpty(geom) OR ST_Area(geom) < 2.0;
SELECT RecoverGeometryColumn('bench_diff', 'geom', 27700, 'GEOMETRY', 'XY');
SELECT CreateSpatialIndex('bench_diff', 'geom');
DROP TABLE IF EXISTS bench_join;
CREATE TABLE bench_join AS
SELECT d.building, c.uprn,
       (SELECT group_concat(a.reference, ';') FROM city_applications a
        WHERE a.ROWID IN (SELECT ROWID FROM SpatialIndex
                          WHERE f_table_name = 'city_applications' AND search_frame = d.geom)
          AND ST_Intersects(a.geom, d.geom)) AS applications
FROM bench_diff d
LEFT JOIN city_curtilages c
  ON c.ROWID IN (SELECT ROWID FROM SpatialIndex
                 WHERE f_table_name = 'city_curtilages' AND search_frame = d.geom)
 AND ST_Intersects(c.geom, d.geom);
SELECT count(*) AS pieces FROM bench_diff;
SELECT count(*) AS rows FROM bench_join;
