#!/usr/bin/env python3
"""Synthetic monitoring data for Opora's benchmarks, in the files Opora imports.

    bench/generate.py SIZE OUT_DIR

SIZE is `municipality` (8 schools), `town` (60: the identification test's fixture), `region` (800) or
`country` (40,000). Writes into OUT_DIR: schools.csv, context.csv (one row per school and year) and
results-YEAR.csv for 2019-2022, about 40 procedures per school and year; and, for loading the size as
a region of several municipalities (1, 30 or 300), municipalities.txt (their names) and
region-schools.csv (the registry with a «Муниципалитет» column, schools dealt to the municipalities in
turn). The same SIZE always gives the same bytes (fixed seed).
About one school in eight is made weak (many «2»), one in six poor (adverse social context), so
identification finds every category.
"""
import csv
import os
import random
import sys

SIZES = {"municipality": 8, "town": 60, "region": 800, "country": 40_000}
MUNICIPALITIES = {"municipality": 1, "town": 1, "region": 30, "country": 300}
YEARS = [2019, 2020, 2021, 2022]

# (kind, grade, subject): 40 procedures, as a school with grades 4-11 writes them in a year.
PROCEDURES = (
    [("vpr", 4, s) for s in ["Русский язык", "Математика", "Окружающий мир"]]
    + [("vpr", 5, s) for s in ["Русский язык", "Математика", "История", "Биология"]]
    + [("vpr", 6, s) for s in ["Русский язык", "Математика", "История", "Биология", "География", "Обществознание"]]
    + [("vpr", 7, s) for s in ["Русский язык", "Математика", "История", "Биология", "География", "Физика", "Английский язык"]]
    + [("vpr", 8, s) for s in ["Русский язык", "Математика", "История", "Биология", "Физика", "Химия"]]
    + [("vpr", 11, s) for s in ["История", "География"]]
    + [("oge", 9, s) for s in ["Русский язык", "Математика", "Обществознание", "География", "Информатика"]]
    + [("ege", 11, s) for s in ["Русский язык", "Математика", "Обществознание", "Биология", "Физика"]]
    + [("regional", 10, "Функциональная грамотность"), ("municipal", 3, "Читательская грамотность")]
)
assert len(PROCEDURES) == 40

SETTLEMENTS = ["с. Балаганск", "п. Шарагай", "с. Заславское", "д. Тарасовка", "с. Кумарейка", "п. Коновалово", "с. Биритуй"]


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        sys.exit(__doc__)
    size, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(20221001)
    n = SIZES[size]
    schools = []
    for i in range(1, n + 1):
        code = f"S{i:06d}"
        weak = rnd.random() < 0.125
        poor = rnd.random() < 0.17
        small = rnd.random() < 0.2
        schools.append((code, weak, poor, small))
    registry = [(c, f"Муниципальное общеобразовательное учреждение «Школа № {i}»", f"Школа № {i}", rnd.choice(SETTLEMENTS),
                 "СОШ", f"{rnd.uniform(0, 120):.1f}")
                for i, (c, *_rest) in enumerate(schools, 1)]
    write(os.path.join(out, "schools.csv"), ["code", "name", "short_name", "settlement", "type", "distance_km"], registry)
    municipalities = [f"Район № {k:03d} (бенчмарк)" for k in range(1, MUNICIPALITIES[size] + 1)]
    with open(os.path.join(out, "municipalities.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(municipalities) + "\n")
    write(os.path.join(out, "region-schools.csv"), ["Муниципалитет", "code", "name", "short_name", "settlement", "type", "distance_km"],
          [(municipalities[k % len(municipalities)],) + row for k, row in enumerate(registry)])
    context = []
    for year in YEARS:
        for code, weak, poor, small in schools:
            hi = 1.6 if poor else 0.6
            context.append((year, code, rnd.randint(40, 900),
                            f"{min(0.99, rnd.uniform(0.05, 0.3) * hi):.3f}", f"{min(0.99, rnd.uniform(0.1, 0.35) * hi):.3f}",
                            f"{min(0.99, rnd.uniform(0.3, 0.7) * hi):.3f}", f"{min(0.99, rnd.uniform(0, 0.12) * hi):.3f}",
                            f"{min(0.99, rnd.uniform(0, 0.05) * hi):.3f}"))
    write(os.path.join(out, "context.csv"),
          ["year", "school_code", "students", "low_income_share", "incomplete_family_share", "no_higher_education_share",
           "non_native_share", "preventive_register_share"], context)
    total = 0
    for year in YEARS:
        rows = []
        for code, weak, poor, small in schools:
            for kind, grade, subject in PROCEDURES:
                if rnd.random() < 0.04:  # a procedure the school did not write that year
                    continue
                participants = rnd.randint(3, 12) if small else rnd.randint(12, 120)
                fail_share = rnd.uniform(0.25, 0.55) if weak else rnd.uniform(0.0, 0.22)
                fails = min(participants, round(participants * fail_share))
                rest = participants - fails
                m5 = round(rest * rnd.uniform(0.05, 0.3))
                m4 = round((rest - m5) * rnd.uniform(0.3, 0.6))
                m3 = rest - m5 - m4
                mean = (2 * fails + 3 * m3 + 4 * m4 + 5 * m5) / participants
                rows.append((year, kind, grade, subject, code, participants, fails, m3, m4, m5, f"{mean:.2f}"))
        write(os.path.join(out, f"results-{year}.csv"),
              ["year", "kind", "grade", "subject", "school_code", "participants", "fails", "marks3", "marks4", "marks5", "mean_score"], rows)
        total += len(rows)
    print(f"{size}: {n} schools, {len(context)} context rows, {total} result rows in {len(YEARS)} files -> {out}")


if __name__ == "__main__":
    main()
