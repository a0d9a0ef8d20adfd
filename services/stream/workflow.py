"""Multi-agent workflows: a plan's tasks run level by level, the independent ones in parallel.

The agent service plans the graph (``PlanWorkflow``: tasks, dependencies, levels); this module runs it on the
stream service's own streaming path.  Each task is one stream by its agent, whose prompt carries the user's brief
and the answers of the tasks it depends on.  A task whose dependency failed, was stopped or was skipped is itself
skipped, not run on half the information, and says which task it waited for.  Progress of every task goes out on
``workflow.progress``; the end on ``workflow.done``.

Stopping is per task or per run.  A person stops one task by stopping its stream (``StopStream`` with the
``stream_id`` its ``running`` progress named): the task ends ``stopped`` (its partial answer is kept in the chat like
any stopped answer), the tasks that need it are skipped, and the tasks that do not go on.  ``StopWorkflow`` stops
every running task the same way and skips the tasks not started yet.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from vibing import log
from vibing.errors import NotFound, VibingError
from vibing.schema.agent import PlanWorkflow, WorkflowPlan, WorkflowTask
from vibing.schema.stream import (
    ChatTurn,
    RunWorkflow,
    WorkflowDone,
    WorkflowProgress,
    WorkflowRunInfo,
    WorkflowStarted,
)
from vibing.services.stream import prompts
from vibing.services.stream.launcher import Launcher
from vibing.services.stream.runner import StreamRun

logger = log.get("vibing.stream.workflow")

#: A dependency's answer is passed on up to this many characters (the rest is cut, and the cut is said).
DEPENDENCY_CHARS = 12_000


def task_prompt(task: WorkflowTask, brief: str, outputs: dict[str, tuple[str, str]]) -> str:
    """The task's own prompt, the user's brief, then each dependency's answer (titled by task and agent)."""
    parts = [task.prompt.strip(), f"## The user's request\n\n{brief.strip()}"]
    for dep in task.depends_on:
        title, text = outputs[dep]
        if len(text) > DEPENDENCY_CHARS:
            text = text[:DEPENDENCY_CHARS] + "\n\n(cut here for length)"
        parts.append(f"## Output of the earlier task “{title}”\n\n{text.strip()}")
    return "\n\n".join(parts)


class WorkflowRun:
    """One run of a plan, driven from its own thread (the worker's loop stays free for requests)."""

    def __init__(
        self,
        launcher: Launcher,
        req: RunWorkflow,
        run_id: str,
        plan: WorkflowPlan,
        on_end: Callable[[WorkflowRun], None] | None = None,
    ) -> None:
        self.launcher = launcher
        #: Called once the run is over (the service forgets it).
        self.on_end = on_end
        self.req = req
        self.run_id = run_id
        self.plan = plan
        self.workflow = plan.workflow.id
        self.stopped = threading.Event()
        self.active: dict[str, StreamRun] = {}
        self.started_at = time.time()
        #: Each task's latest progress, as published: what a page that comes back to the run is shown.
        self.latest: dict[str, WorkflowProgress] = {
            t.id: WorkflowProgress(
                run_id=run_id,
                workflow=self.workflow,
                task_id=t.id,
                agent=t.agent,
                title=t.title,
                state="queued",
                level=t.level,
            )
            for t in plan.tasks
        }

    @classmethod
    def start(
        cls,
        launcher: Launcher,
        req: RunWorkflow,
        run_id: str,
        on_end: Callable[[WorkflowRun], None] | None = None,
    ) -> tuple[WorkflowRun, WorkflowStarted]:
        params = {"app": req.brief, "features": req.brief, **req.params}
        plan = launcher.bus.request("agent", PlanWorkflow(workflow=req.workflow, params=params), timeout=5.0)
        if not plan.tasks:
            raise NotFound(f"The workflow {req.workflow!r} has no task to run.")
        run = cls(launcher, req, run_id, plan, on_end)
        threading.Thread(target=run._run, name=f"workflow-{run_id}", daemon=True).start()
        return run, WorkflowStarted(
            run_id=run_id, workflow=run.workflow, levels=plan.levels, agents={t.id: t.agent for t in plan.tasks}
        )

    def stop(self) -> None:
        """Stop the whole run: every running task ends ``stopped``, the rest are skipped.

        The flag is set before the running tasks are read, and ``_run`` reads the flag again after it registers a
        task it just started, so a task launched while this runs is stopped by one side or the other."""
        self.stopped.set()
        for stream in list(self.active.values()):
            self.launcher.runner.stop_stream(stream.stream_id)

    def info(self) -> WorkflowRunInfo:
        """The run as a page that opens its project again needs it: the plan, and where each task is."""
        return WorkflowRunInfo(
            run_id=self.run_id,
            workflow=self.workflow,
            brief=self.req.brief,
            plan=self.plan,
            tasks=[self.latest[t.id] for t in self.plan.tasks],
            project_id=self.req.project_id,
            started_at=self.started_at,
        )

    def _progress(self, task: WorkflowTask, state: str, **fields: object) -> None:
        progress = WorkflowProgress(
            run_id=self.run_id,
            workflow=self.workflow,
            task_id=task.id,
            agent=task.agent,
            title=task.title,
            state=state,
            level=task.level,
            **fields,
        )
        self.latest[task.id] = progress
        self.launcher.publish("workflow.progress", progress)

    def _launch(self, task: WorkflowTask, outputs: dict[str, tuple[str, str]]) -> StreamRun:
        try:
            system = prompts.agent_system_prompt(self.launcher.bus, task.agent)
        except VibingError as exc:  # the agent went away since planning: its task still runs, on the generic prompt
            logger.warning("workflow.agent_missing", agent=task.agent, error=exc.message)
            system = ""
        call = self.launcher.make_call(
            provider=self.req.provider,
            base_url="",
            model=task.model or self.req.model,
            messages=[ChatTurn(role="user", content=task_prompt(task, self.req.brief, outputs))],
            system=system,
            max_tokens=task.max_tokens,
            temperature=None,
        )
        return self.launcher.start(
            call,
            project_id=self.req.project_id,
            persist=bool(self.req.project_id),
            user_message=f"[{self.plan.workflow.name}] {task.title}",
            agent=task.agent,
            tags={"agent": task.agent, "workflow": self.run_id, "task": task.id},
        )

    def _run(self) -> None:
        begin = time.monotonic()
        by_id = {t.id: t for t in self.plan.tasks}
        outputs: dict[str, tuple[str, str]] = {}
        done: list[str] = []
        failed: list[str] = []
        skipped: list[str] = []
        stopped: list[str] = []
        #: Tasks that will give no answer, and how to say why ("was stopped", "failed", ...).
        unfinished: dict[str, str] = {}
        for task in self.plan.tasks:
            self._progress(task, "queued")
        for level in self.plan.levels:
            for task_id in level:
                task = by_id[task_id]
                blocker = next((dep for dep in task.depends_on if dep in unfinished), "")
                if self.stopped.is_set() or blocker:
                    skipped.append(task_id)
                    unfinished[task_id] = "was skipped"
                    message = (
                        "the run was stopped"
                        if self.stopped.is_set()
                        else f"it needs “{by_id[blocker].title}” ({blocker}), which {unfinished[blocker]}"
                    )
                    self._progress(task, "skipped", message=message)
                    continue
                try:
                    stream = self._launch(task, outputs)
                except VibingError as exc:
                    failed.append(task_id)
                    unfinished[task_id] = "failed"
                    self._progress(task, "failed", message=exc.message)
                    continue
                self.active[task_id] = stream
                self._progress(task, "running", stream_id=stream.stream_id)
                if self.stopped.is_set():  # stop() may have read ``active`` just before this task joined it
                    self.launcher.runner.stop_stream(stream.stream_id)
            for task_id, stream in list(self.active.items()):
                stream.done.wait()
                del self.active[task_id]
                task = by_id[task_id]
                text = "".join(stream.parts)
                if stream.stop_requested and not stream.error_code:
                    stopped.append(task_id)
                    unfinished[task_id] = "was stopped"
                    self._progress(
                        task, "stopped", stream_id=stream.stream_id, chars=len(text), message=self._stop_reason(stream)
                    )
                elif stream.error_code or stream.stop_requested:
                    failed.append(task_id)
                    unfinished[task_id] = "failed"
                    self._progress(
                        task,
                        "failed",
                        stream_id=stream.stream_id,
                        chars=len(text),
                        message=stream.error_message or "stopped",
                    )
                else:
                    outputs[task_id] = (task.title, text)
                    done.append(task_id)
                    self._progress(task, "done", stream_id=stream.stream_id, chars=len(text))
        ok = not failed and not skipped and not stopped
        counts = [(done, "finished"), (stopped, "stopped"), (failed, "failed"), (skipped, "skipped")]
        message = (
            f"All {len(done)} tasks finished."
            if ok
            else ", ".join(f"{len(ids)} {word}" for ids, word in counts if ids or word == "finished") + "."
        )
        # Forgotten before its end is told: whoever hears the end and then lists the runs no longer sees it.
        if self.on_end is not None:
            self.on_end(self)
        self.launcher.publish(
            "workflow.done",
            WorkflowDone(
                run_id=self.run_id,
                workflow=self.workflow,
                ok=ok,
                done=done,
                failed=failed,
                skipped=skipped,
                stopped=stopped,
                duration_ms=round((time.monotonic() - begin) * 1000, 1),
                message=message,
            ),
        )

    def _stop_reason(self, stream: StreamRun) -> str:
        """Who stopped a task: the person (this task, or the whole run) or the app shutting down."""
        if not stream.stop_requested_by_user:
            return "the app stopped during the answer"
        return "stopped with the run" if self.stopped.is_set() else "stopped by you"
