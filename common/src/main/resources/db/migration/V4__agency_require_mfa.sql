-- Agency policy "require two-factor" (auth-service writes it, every service enforces it through TenantResolver):
-- when true, a member without a verified TOTP factor (and without a second factor checked by the identity provider)
-- gets 403 mfa_enrollment_required on everything of the agency; MFA enrollment and /api/me stay open to them.
alter table agencies add column require_mfa boolean not null default false;
