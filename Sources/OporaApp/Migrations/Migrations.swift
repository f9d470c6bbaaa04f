import Fluent

enum Migrations {
    /// Every migration, in the order it runs. Append only.
    static let all: [any Migration] = [
        M001CreateOrganisations(),
        M002CreateUsers(),
        M003CreateProgrammes(),
        M004CreateMeasures(),
        M005CreateAudit(),
        M006CreateMonitoring(),
        M007CreateIndicatorData(),
        M008CreatePeople(),
        M009CreateNetwork(),
        M010CreateLoginFailures(),
        M011CreateMonitoringStamps(),
        SessionRecord.migration,
        M012AddMunicipalMentors(),
        M013AddProgrammeLife(),
        M014AddProgrammeEditing(),
        M015CreateProgrammeSchools(),
        M016CreateChangeStamps(),
        M017AddRegistryFieldsAndImportOptions(),
        M018CreateSessionsAndAccounts(),
        M019AddReminders(),
        M020AddMunicipalTimeZones(),
    ]
}
