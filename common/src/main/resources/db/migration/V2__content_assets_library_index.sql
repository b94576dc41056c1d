-- content_assets_folder_idx indexed fanvue_folder across every agency, and no query reads it: folder filters match
-- fanvue_folders (an array) and folder reports group one agency's rows. The asset library's default page, an agency's
-- newest assets in keyset order (created_at desc, id desc), sorted every row of the agency instead: 71 ms and three
-- processes for a page of a 90,000-asset agency. Same number of indexes to maintain per synced row, one that is read.
drop index content_assets_folder_idx;
create index content_assets_agency_created_idx on content_assets (agency_id, created_at desc, id desc);
