"""Multi-agent workflows: a plan's tasks run level by level, the independent ones in parallel.

The agent service plans the graph (``PlanWorkflow``: tasks, dependencies, levels); this module runs it on the
stream service's own streaming path.  Each task is one stream by its agent, whose prompt carries the user's brief
and the answers of the tasks it depends on.  A task whose dependency failed, was stopped or was skipped is itself
skipped, not run on half the information, and says which task it waited for.  Progress of every task goes out on
``workflow.progress``; the end on ``workflow.done``.

A task in a project works on that project: its request carries the project's files and conversation as they were
when the run started, fitted to its model's context like a generation's (``budget.py``: older turns out first,
with the recap; the note goes on the task's ``running`` progress), and sent with prompt caching.  The tasks of a
run differ only in their role and their task, so those come last, in the task's own turn, after one shared prefix
(:data:`TEAM_PROMPT` and the output format, the files, the conversation): the first task writes it to the cache
and every later one reads it, at a tenth of the price, instead of each agent's instructions starting a prefix of
its own that no other task would ever read.

Spending limits apply as to a generation (``spending.py``): before the run, from the estimate of all its tasks,
and again before each task, from its request as built.  Over a limit the run is refused (``SpendingLimitReached``)
unless ``RunWorkflow.over_limit_ok`` says the person agreed; a task refused later fails with the reason, and the
tasks that need it are skipped.

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
from vibing.schema.agent import GetAgent, PlanWorkflow, WorkflowPlan, WorkflowTask
from vibing.schema.storage import LoadProject
from vibing.schema.stream import (
    ChatTurn,
    RunWorkflow,
    WorkflowDone,
    WorkflowProgress,
    WorkflowRunInfo,
    WorkflowStarted,
)
from vibing.services.stream import budget, fitting, prompts, spending
from vibing.services.stream.launcher import Launcher
from vibing.services.stream.runner import StreamRun
from vibing.services.stream.turns import text_of

logger = log.get("vibing.stream.workflow")

#: A dependency's answer is passed on up to this many characters (the rest is cut, and the cut is said).
DEPENDENCY_CHARS = 12_000
#: The instructions every task of a run shares, before the project (see the module's docstring): each task's own
#: agent comes in its turn, as its role.
TEAM_PROMPT = (
    "You are one specialist of a team of agents working on this project in a multi-agent workflow. Each request "
    "names your role and your task: answer it as that specialist, building on the project's files and "
    "conversation."
)


def task_prompt(
    task: WorkflowTask, brief: str, outputs: dict[str, tuple[str, str]], limit: int = DEPENDENCY_CHARS
) -> str:
    """The task's own prompt, the user's brief, then each dependency's answer (titled by task and agent), each cut
    at ``limit`` characters."""
    parts = [task.prompt.strip(), f"## The user's request\n\n{brief.strip()}"]
    for dep in task.depends_on:
        title, text = outputs[dep]
        if len(text) > limit:
            text = text[:limit] + "\n\n(cut here for length)"
        parts.append(f"## Output of the earlier task “{title}”\n\n{text.strip()}")
    return "\n\n".join(parts)


def task_turn(
    task: WorkflowTask, agent_prompt: str, brief: str, outputs: dict[str, tuple[str, str]], limit: int
) -> str:
    """The task's turn: its role (the agent's instructions), then its prompt (:func:`task_prompt`)."""
    role = f"## Your role: {task.agent}" + (f"\n\n{agent_prompt.strip()}" if agent_prompt.strip() else "")
    return f"{role}\n\n## Your task\n\n{task_prompt(task, brief, outputs, limit)}"


def task_model(task: WorkflowTask, model: str, provider: str) -> str:
    """The model of a task: the run's, else the one its agent asks for (a hint such as "opus", for Anthropic), else
    "" (the configured default).  The hint itself is no model id: sent as it is, the API would refuse it."""
    if model or provider != "anthropic":
        return model
    return prompts.agent_model(task.model)


def project_context(launcher: Launcher, project_id: str) -> tuple[dict[str, str], list[ChatTurn]]:
    """The project's files and conversation (its text: a workflow sends no image) now; none without a project."""
    if not project_id:
        return {}, []
    detail = launcher.bus.request("storage", LoadProject(project_id=project_id), timeout=5.0)
    history = [ChatTurn(role=t.role, content=text_of(t.content)) for t in prompts.follow_up_turns(detail.messages)]
    return {f.path: f.content for f in detail.files}, history


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
        #: The project's files and conversation when the run started: every task's shared prefix.
        self.files: dict[str, str] = {}
        self.history: list[ChatTurn] = []
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
        run.files, run.history = project_context(launcher, req.project_id)
        warning = run.check_spending()  # over a limit without the person's agreement: SpendingLimitReached
        threading.Thread(target=run._run, name=f"workflow-{run_id}", daemon=True).start()
        return run, WorkflowStarted(
            run_id=run_id,
            workflow=run.workflow,
            levels=plan.levels,
            agents={t.id: t.agent for t in plan.tasks},
            spending_warning=warning,
        )

    def check_spending(self) -> str:
        """The spending limits against the estimate of every task (``spending.py``): each task's input is the
        project (up to what its model's context takes), the brief, its prompt and its dependencies' answers (a
        typical answer each, at most :data:`DEPENDENCY_CHARS`), plus a typical answer of its own.  -> the warning
        to show, or "" (raises ``SpendingLimitReached``)."""
        launcher, req = self.launcher, self.req
        provider = launcher.provider(req.provider)
        project = sum(len(t.content) for t in self.history if isinstance(t.content, str))
        project += sum(len(c) for c in self.files.values())
        answer = min(DEPENDENCY_CHARS, int(spending.TYPICAL_OUTPUT_TOKENS * spending.CHARS_PER_TOKEN))
        estimates = []
        for task in self.plan.tasks:
            model = launcher.model(provider, task_model(task, req.model, provider))
            room = budget.limits_for(launcher.config, provider, model, task.max_tokens).input_budget
            estimates.append(
                spending.estimate(
                    model=model,
                    provider=provider,
                    prompt=task.prompt + req.brief,
                    history_chars=min(project, int(room * spending.CHARS_PER_TOKEN)),
                    file_chars=answer * len(task.depends_on),
                    max_tokens=task.max_tokens,
                )
            )
        n = len(estimates)
        return spending.check_cost(
            launcher.bus,
            launcher.config,
            lambda: spending.total(estimates),
            project_id=req.project_id,
            over_limit_ok=req.over_limit_ok,
            what=f"This workflow ({n} task{'s' if n != 1 else ''})",
            log=logger,
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

    def _launch(self, task: WorkflowTask, outputs: dict[str, tuple[str, str]]) -> tuple[StreamRun, str]:
        """Start the task's stream: its request fitted and cached (see the module's docstring), its spending checked.
        -> (the stream, what was left out to fit)."""
        try:
            agent_prompt = self.launcher.bus.request("agent", GetAgent(name=task.agent), timeout=3.0).agent.prompt
        except VibingError as exc:  # the agent went away since planning: its task still runs, on the generic prompt
            logger.warning("workflow.agent_missing", agent=task.agent, error=exc.message)
            agent_prompt = ""
        provider = self.launcher.provider(self.req.provider)
        call = self.launcher.make_call(
            provider=provider,
            base_url="",
            model=task_model(task, self.req.model, provider),
            messages=[ChatTurn(role="user", content=self.req.brief)],  # checked here, completed below
            system="",
            max_tokens=task.max_tokens,
            temperature=None,
        )
        lim = budget.limits_for(self.launcher.config, call.provider, call.model, call.max_tokens)
        # The dependencies' answers take at most half of a small model's context between them.
        room = int(lim.input_budget * lim.bytes_per_token / 2 / max(1, len(task.depends_on)))
        limit = max(400, min(DEPENDENCY_CHARS, room))
        brief = task_prompt(task, self.req.brief, outputs, limit)
        agent_prompt = budget.shorten_agent(agent_prompt, brief, lim)
        turn = task_turn(task, agent_prompt, self.req.brief, outputs, limit)
        call, fitted = fitting.fitted_call(self.launcher.config, call, TEAM_PROMPT, self.files, self.history, turn)
        spending.check_call(
            self.launcher.bus,
            self.launcher.config,
            call,
            project_id=self.req.project_id,
            over_limit_ok=self.req.over_limit_ok,
            log=logger,
        )
        stream = self.launcher.start(
            call,
            project_id=self.req.project_id,
            persist=bool(self.req.project_id),
            user_message=f"[{self.plan.workflow.name}] {task.title}",
            agent=task.agent,
            tags={"agent": task.agent, "workflow": self.run_id, "task": task.id},
        )
        return stream, fitted.note

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
                    stream, note = self._launch(task, outputs)
                except VibingError as exc:
                    failed.append(task_id)
                    unfinished[task_id] = "failed"
                    self._progress(task, "failed", message=exc.message)
                    continue
                self.active[task_id] = stream
                self._progress(task, "running", stream_id=stream.stream_id, message=note)
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
