"""Running the app: ``run``, ``stop``, ``status`` and ``service``."""

from __future__ import annotations

import argparse
import json
import sys

from vibing import log, schema
from vibing import paths as paths_mod
from vibing.cli import running
from vibing.errors import ServiceUnavailable
from vibing.schema.supervisor import AcknowledgeCrashes, Status, StatusReply


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser("run", help="launch the app (the default command)")
    run.add_argument("--headless", action="store_true", help="start the services without a window")
    run.set_defaults(func=cmd_run)

    stop = subparsers.add_parser("stop", help="stop the running app gracefully")
    stop.set_defaults(func=cmd_stop)

    status = subparsers.add_parser("status", help="show the running app's processes")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.add_argument("--ack", action="store_true", help="mark the crash reports shown as seen")
    status.set_defaults(func=cmd_status)

    service = subparsers.add_parser("service", help="run one service in the foreground, for debugging")
    service.add_argument("name", choices=schema.SERVICES)
    service.add_argument("--standalone", action="store_true", help="on a private bus instead of the running app's")
    service.set_defaults(func=cmd_service)


def cmd_run(args: argparse.Namespace) -> int:
    from vibing import supervisor

    return supervisor.run(headless=args.headless)


def cmd_stop(args: argparse.Namespace) -> int:
    from vibing import supervision

    pid = supervision.stop_running(running.setup().paths)
    print(f"Vibing (pid {pid}) has stopped.")
    return 0


def _format_uptime(seconds: float) -> str:
    if seconds <= 0:
        return "-"
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


def cmd_status(args: argparse.Namespace) -> int:
    with running.connect() as bus:
        reply: StatusReply = bus.request("supervisor", Status(), timeout=3)
        if args.ack:
            bus.request("supervisor", AcknowledgeCrashes(), timeout=3)
    if args.json:
        print(
            json.dumps(
                {
                    "supervisor": {"pid": reply.supervisor_pid, "uptime_s": reply.uptime_s},
                    "services": [
                        {
                            "name": s.name,
                            "pid": s.pid,
                            "state": s.state,
                            "uptime_s": s.uptime_s,
                            "restarts": s.restarts,
                            "last_error": s.last_error,
                            "queue_depth": s.queue_depth,
                        }
                        for s in reply.services
                    ],
                    "unseen_crashes": [
                        {"service": c.service, "path": c.path, "when": c.when, "summary": c.summary}
                        for c in reply.unseen_crashes
                    ],
                },
                indent=2,
            )
        )
        return 0
    print(f"vibing supervisor  pid {reply.supervisor_pid}  up {_format_uptime(reply.uptime_s)}")
    width = max(len(s.name) for s in reply.services) if reply.services else 8
    for index, s in enumerate(reply.services):
        branch = "└─" if index == len(reply.services) - 1 else "├─"
        line = (
            f"{branch} {s.name:<{width}}  pid {s.pid or '-':<7}  {s.state:<10}  up {_format_uptime(s.uptime_s):<7}"
            f"  restarts {s.restarts}  queue {s.queue_depth}"
        )
        print(line)
        if s.last_error:
            print(f"{'   ' if branch == '└─' else '│  '}   last error: {s.last_error}")
    if reply.unseen_crashes:
        print(
            f"\n{len(reply.unseen_crashes)} crash report(s)"
            + (" (now marked seen):" if args.ack else " since you last looked (`vibing status --ack` marks them seen):")
        )
        for crash in reply.unseen_crashes[:10]:
            print(f"  {crash.service:<8} {crash.summary[:90]}\n           {crash.path}")
    return 0 if all(s.state in ("ready", "idle") for s in reply.services) else 1


def cmd_service(args: argparse.Namespace) -> int:
    """Run one worker in this terminal, on the app's bus or on a private one."""
    import zmq

    from vibing.broker import Broker
    from vibing.protocol import bind_specs
    from vibing.worker import service_class

    config, paths = running.setup()
    paths = paths_mod.ensure(paths)
    log.setup(args.name, paths.logs, config.log_level, console=True)
    context = zmq.Context.instance()
    broker = None
    if args.standalone:
        broker = Broker(
            context,
            heartbeat_interval=config.heartbeat_interval_s,
            liveness=config.heartbeat_liveness,
            default_timeout=config.request_timeout_s,
        )
        private = paths_mod.socket_dir(paths.runtime / f"standalone-{args.name}")
        paths_mod.private_runtime_dir(private)
        endpoints = broker.bind(bind_specs(config.transport, private, 0))
        broker.start()
        print(
            f"vibing: {args.name} on a private bus; requests at {endpoints.requests} "
            f"events at {endpoints.events_in} -> {endpoints.events_out}",
            file=sys.stderr,
            flush=True,
        )
    else:
        from vibing.protocol import BusInfo, pid_alive

        info = BusInfo.read(paths.bus_file)
        if info is None or not pid_alive(info.pid):
            raise ServiceUnavailable(
                "No running app to attach to. Start one with `vibing run --headless`, or use --standalone."
            )
        endpoints = info.endpoints
        print(
            f"vibing: {args.name} attached to the app's bus (pid {info.pid}); it now takes the requests",
            file=sys.stderr,
        )
    worker = service_class(args.name)(config, endpoints, data_dir=paths.data, context=context)
    try:
        return worker.run()
    finally:
        if broker is not None:
            broker.stop()
