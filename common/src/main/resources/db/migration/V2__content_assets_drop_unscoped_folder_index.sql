-- content_assets_folder_idx indexed fanvue_folder across every agency. No query reads it: folder filters match
-- fanvue_folders (an array) and folder reports group one agency's rows, found through its agency-leading indexes.
-- Each index costs every synced row an insert; this one cost ~8 % of a bulk vault import's database CPU.
drop index content_assets_folder_idx;
