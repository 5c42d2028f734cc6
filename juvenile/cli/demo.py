"""``juvenile demo``: load the demo data (safe to repeat)."""

from juvenile.i18n import Counted, translate


def register(commands) -> None:
    demo = commands.add_parser("demo", help="load demo data in Kazakh and Russian")
    demo.add_argument("--scale", choices=("demo", "region"), default="demo",
                      help="region: a region-scale data set for the quarterly analysis "
                           "(1,000 schools, 500,000 students; region KZ-61)")
    demo.add_argument("--seed", type=int, default=None,
                      help="random seed of --scale region (the same seed, the same data)")
    demo.set_defaults(handler=_demo)


def _demo(args) -> int:
    from juvenile.demo import load_demo
    from juvenile.services.common import upgrade_database

    upgrade_database()
    if args.scale == "region":
        return _region(args)
    summary = load_demo()
    print(translate("cli.demo.loaded", args.lang, count=summary.created,
                    updated=summary.updated))
    return 0


def _region(args) -> int:
    from juvenile.demo import region_scale  # numpy work, loaded only when asked for

    seed = region_scale.DEFAULT_SEED if args.seed is None else args.seed
    summary = region_scale.load_region_scale(seed, region_scale.REGION)
    if not summary.created:
        print(translate("analysis.cli.region_present", args.lang, code=summary.region_code))
        return 0
    print(translate("analysis.cli.region_loaded", args.lang, count=summary.counts["school"],
                    students=Counted("analysis.cli.region_students",
                                     summary.counts["student"]),
                    marks=Counted("analysis.cli.region_marks",
                                  summary.counts["attendance_mark"]),
                    seconds=round(summary.seconds)))
    return 0
