import ArgumentParser
import Foundation
import OporaApp
import OporaDomain

struct ServerOptions: ParsableArguments {
    @ArgumentParser.Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on.") var port = 8080
}

@main
struct Opora: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opora",
        abstract: "Opora: the municipal programme of support for НРО and НСУ schools.",
        subcommands: [Serve.self, Demo.self, Migrate.self, UserCommand.self, Remind.self, Import.self, Identify.self, Effect.self, Report.self, Backup.self, Restore.self, Setup.self, TimeZoneCommand.self,
                      ProgrammeCommand.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve Opora on the working database (OPORA_DATABASE_URL, default ./opora.sqlite).")
        @OptionGroup var server: ServerOptions
        func run() async throws {
            try await Launcher.serve(try AppConfig.fromEnvironment(), hostname: server.hostname, port: server.port)
        }
    }

    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve a fresh demo database (./opora-demo.sqlite) with the built-in programme and demo users.")
        @OptionGroup var server: ServerOptions
        func run() async throws {
            try await Launcher.demo(path: "opora-demo.sqlite", hostname: server.hostname, port: server.port)
        }
    }

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the database migrations.")
        func run() async throws {
            try await Launcher.migrate(try AppConfig.fromEnvironment())
            print("Migrations done.")
        }
    }

    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.",
                                                        subcommands: [Add.self, List.self, Passwd.self, Disable.self, Enable.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List every user: login, name, role, place, state, last sign-in.")
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in print(try await Launcher.listUsers(app)) }
            }
        }

        struct Passwd: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Set a user's password (at least 10 characters, not the login, not a common one); without --password or OPORA_PASSWORD a one-time password is printed, to be replaced at the next sign-in. The user's sessions end.")
            @ArgumentParser.Option(help: "Login.") var login: String
            @ArgumentParser.Option(help: "The new password (else OPORA_PASSWORD, else a one-time one).") var password: String?
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                    print(try await Launcher.setPassword(app, login: login, password: password ?? ProcessInfo.processInfo.environment["OPORA_PASSWORD"]))
                }
            }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Deactivate a user: sessions and API tokens end at once; the audit keeps the name.")
            @ArgumentParser.Option(help: "Login.") var login: String
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in print(try await Launcher.setActive(app, login: login, active: false)) }
            }
        }

        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Let a deactivated user sign in again.")
            @ArgumentParser.Option(help: "Login.") var login: String
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in print(try await Launcher.setActive(app, login: login, active: true)) }
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a user to the working database.")
            @ArgumentParser.Option(help: "Login.") var login: String
            @ArgumentParser.Option(help: "Full name.") var name: String
            @ArgumentParser.Option(help: "admin, methodist, school or observer.") var role: String
            @ArgumentParser.Option(help: "School code, for --role school.") var school: String?
            @ArgumentParser.Option(help: "Municipality name, when the database holds several.") var municipality: String?
            @ArgumentParser.Option(help: "Region name, for a regional admin, methodist or observer (who reads every municipality of the region).") var region: String?
            @ArgumentParser.Option(help: "Password (else OPORA_PASSWORD, else one is generated and printed).") var password: String?

            func run() async throws {
                guard let role = Role(rawValue: role) else {
                    throw ValidationError("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                    let given = password ?? ProcessInfo.processInfo.environment["OPORA_PASSWORD"]
                    let used = try await Launcher.addUser(app, login: login, fullName: name, role: role, schoolCode: school,
                                                          municipalityName: municipality, regionName: region, password: given)
                    print("User \(login) added." + (given == nil ? " Password: \(used)" : ""))
                }
            }
        }
    }
}

extension Opora {
    struct Remind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the reminder letters due now (OPORA_SMTP_URL, OPORA_SMTP_FROM, OPORA_PUBLIC_URL): each user with an e-mail address gets, weekly or daily as chosen, the open measures overdue or due within 14 days. `serve` does this every hour.")
        @Flag(help: "Print the letters due instead of sending them.") var dryRun = false

        func run() async throws {
            try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in print(try await Launcher.remind(app, dryRun: dryRun)) }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a CSV or XLSX file into the working database: one transaction, nothing on any bad row.")
        @Argument(help: "schools, context, results, student-results, teachers, staff-positions, trainings, checklist, gia, diagnostics, courses or student-support.") var kind: String
        @Argument(help: "The file.") var file: String
        @ArgumentParser.Option(help: "Municipality name, when the database holds several.") var municipality: String?
        @ArgumentParser.Option(help: "Region name: a file of the whole region (schools with a «Муниципалитет» column, context or results), each row into its school's municipality.") var region: String?
        @ArgumentParser.Option(help: "The year of every row, for a file with no year column (a ФИС ОКО export of one procedure).") var year: String?
        @ArgumentParser.Option(name: [.customLong("kind"), .customLong("procedure")], help: "The procedure of every row (ВПР, ОГЭ, ЕГЭ, РДР, МДР or vpr, oge, ege, regional, municipal), for a file with no such column.") var procedureKind: String?
        @ArgumentParser.Option(help: "The grade of every row, for a file with no grade column.") var grade: String?
        @ArgumentParser.Option(help: "The subject of every row, for a file with no subject column.") var subject: String?
        @ArgumentParser.Option(help: "The workbook's sheet to read (by default the first with a recognisable header).") var sheet: String?

        func run() async throws {
            let options = FileOptions(sheet: sheet, year: year, kind: procedureKind, grade: grade, subject: subject)
            if let region {
                guard municipality == nil else { throw ValidationError("--region and --municipality exclude each other") }
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                    print(try await Launcher.importRegionFile(app, kind: kind, path: file, options: options, regionName: region))
                }
                return
            }
            try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                let onTerminal = isatty(STDOUT_FILENO) == 1
                let report = try await Launcher.importFile(app, kind: kind, path: file, options: options, municipalityName: municipality) { written, total in
                    guard total >= 2000 else { return }
                    guard onTerminal else {
                        // In a log: a line at every tenth of the rows written.
                        if written == total || (written * 10 / total) != ((written - min(written, 500)) * 10 / total) {
                            FileHandle.standardError.write(Data("записано \(written) из \(total)\n".utf8))
                        }
                        return
                    }
                    let width = 40
                    let filled = width * written / max(total, 1)
                    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                    // Unbuffered, so the bar moves while the import runs.
                    FileHandle.standardOutput.write(Data("\r[\(bar)] \(written)/\(total)\(written == total ? "\n" : "")".utf8))
                }
                print(report)
            }
        }
    }

    struct Identify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Identify НРО/НСУ schools for a year, as /api/v1/identification does.")
        @ArgumentParser.Option(help: "The year (the calendar year in which the school year ends).") var year: Int
        @ArgumentParser.Option(help: "table, csv or json.") var format = "table"
        @ArgumentParser.Option(help: "Municipality name, when the database holds several.") var municipality: String?

        func run() async throws {
            guard let format = Launcher.IdentifyFormat(rawValue: format) else {
                throw ValidationError("--format must be table, csv or json")
            }
            try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                print(try await Launcher.identify(app, year: year, format: format, municipalityName: municipality))
            }
        }
    }
}

extension Opora {
    struct Effect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The programme's effect against comparable schools, as /api/v1/programmes/{id}/effect gives it.")
        @ArgumentParser.Option(help: "The programme's id (opora programme list).") var programme: String
        @ArgumentParser.Option(help: "table, csv or json.") var format = "table"

        func run() async throws {
            guard let format = Launcher.EffectFormat(rawValue: format) else { throw ValidationError("--format must be table, csv or json") }
            try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                print(try await Launcher.effect(app, programmeID: programme, format: format))
            }
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the monitoring report of a year as an XLSX workbook, the same as the web page's.")
        @ArgumentParser.Option(help: "The year of the report.") var year: Int
        @ArgumentParser.Option(help: "The workbook to write.") var out: String
        @ArgumentParser.Option(help: "Municipality name, when the database holds several.") var municipality: String?

        func run() async throws {
            try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                let bytes = try await Launcher.report(app, year: year, municipalityName: municipality)
                try Data(bytes).write(to: URL(fileURLWithPath: out))
                print("Written \(out) (\(bytes.count) bytes).")
            }
        }
    }
}

extension Opora {
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a consistent copy of the database to FILE; the app may keep running.")
        @Argument(help: "The backup file to write (never overwritten).") var file: String

        func run() async throws {
            print(try await Launcher.backup(try AppConfig.fromEnvironment(), to: file))
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the database with a backup made by `opora backup`. Stop the app first.")
        @Argument(help: "The backup file to read.") var file: String

        func run() async throws {
            print(try await Launcher.restore(try AppConfig.fromEnvironment(), from: file))
        }
    }
}

extension Opora {
    struct Setup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a municipality with the built-in programme in the working database.")
        @ArgumentParser.Option(help: "The region, e.g. «Иркутская область».") var region: String
        @ArgumentParser.Option(help: "The municipality, e.g. «Усть-Удинский район».") var municipality: String
        @ArgumentParser.Option(help: "The municipality's own time zone when the region spans several (e.g. Asia/Yakutsk); else OPORA_TIME_ZONE.") var timeZone: String?

        func run() async throws {
            try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                print(try await Launcher.setup(app, region: region, municipality: municipality, timeZone: timeZone))
            }
        }
    }

    struct TimeZoneCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "time-zone",
            abstract: "Set a municipality's own time zone (what «today» is for its users and reminders), or --clear it to use OPORA_TIME_ZONE.")
        @ArgumentParser.Option(help: "The municipality.") var municipality: String
        @ArgumentParser.Argument(help: "A time zone such as Asia/Yakutsk.") var zone: String?
        @Flag(help: "Use the deployment's OPORA_TIME_ZONE again.") var clear = false

        func run() async throws {
            guard clear != (zone != nil) else { throw ValidationError("give a time zone or --clear") }
            try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                print(try await Launcher.setTimeZone(app, municipality: municipality, zone: zone))
            }
        }
    }
}

extension Opora {
    struct ProgrammeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "programme", abstract: "A municipality's programmes: list, start, activate, close.",
                                                        subcommands: [List.self, Create.self, Import.self, Activate.self, Close.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the programmes: id, period, state, measures done, name.")
            @ArgumentParser.Option(help: "The municipality (needed when the database holds several).") var municipality: String?
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                    print(try await Launcher.programmeList(app, municipalityName: municipality))
                }
            }
        }

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Start a draft programme from the built-in template, the previous programme or empty.")
            @ArgumentParser.Option(help: "The municipality (needed when the database holds several).") var municipality: String?
            @ArgumentParser.Option(help: "template, previous or empty.") var from: String = "template"
            @ArgumentParser.Option(help: "The first year of the programme.") var firstYear: Int
            @ArgumentParser.Option(help: "The last year (1–10 years in all).") var lastYear: Int
            @ArgumentParser.Option(help: "The name; required for an empty programme.") var name: String?
            @ArgumentParser.Flag(help: "With --from previous: carry over every measure of its municipal plan not done.") var carryAll = false
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                    print(try await Launcher.programmeCreate(app, municipalityName: municipality, start: from, firstYear: firstYear,
                                                             lastYear: lastYear, name: name, carryAll: carryAll))
                }
            }
        }

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Start a draft from the municipality's own XLSX workbook or DOCX (Приложение 1 and 2).")
            @ArgumentParser.Argument(help: "The .xlsx workbook (sheets «Паспорт», «План», «Мероприятия», «Индикаторы») or the .docx of the programme.") var file: String
            @ArgumentParser.Option(help: "The municipality (needed when the database holds several).") var municipality: String?
            @ArgumentParser.Option(help: "The first year of the programme.") var firstYear: Int
            @ArgumentParser.Option(help: "The last year (1–10 years in all).") var lastYear: Int
            @ArgumentParser.Option(help: "The name, if the file does not give it.") var name: String?
            @ArgumentParser.Flag(help: "Only read the file and say what it gives.") var dryRun = false
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                    print(try await Launcher.programmeImport(app, path: file, municipalityName: municipality, firstYear: firstYear,
                                                             lastYear: lastYear, name: name, dryRun: dryRun))
                }
            }
        }

        struct Activate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Make a draft the active programme (no other may be active).")
            @ArgumentParser.Argument(help: "The programme's id (opora programme list).") var id: String
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in print(try await Launcher.programmeActivate(app, id: id)) }
            }
        }

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Close the active programme; before its last year a reason is required.")
            @ArgumentParser.Argument(help: "The programme's id (opora programme list).") var id: String
            @ArgumentParser.Option(help: "Why it closes early.") var reason: String?
            func run() async throws {
                try await Launcher.withApp(try AppConfig.fromEnvironment()) { app in
                    print(try await Launcher.programmeClose(app, id: id, reason: reason))
                }
            }
        }
    }
}
