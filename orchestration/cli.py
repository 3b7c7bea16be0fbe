"""`ragdesk`: the project's one command-line program.

Exit codes a script can rely on:
  0  success
  1  the command failed (message on stderr)
  2  bad usage or bad input (message on stderr)
  3  partial success: the index run finished but some documents could not be read
  4  a dependency is unavailable (Milvus, Redis, the LLM server, a model file)

The command bodies import what they need lazily, so `ragdesk --help` is fast and the CLI is the
composition root: it may call into serving/ and evaluation/, while core's library modules do not.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from core.settings import get_settings
from orchestration.exits import EXIT_FAILED, EXIT_PARTIAL, EXIT_UNAVAILABLE, EXIT_USAGE, fail

app = typer.Typer(
    name="ragdesk", help="Grounded, streamed support answers from your own help centre.", no_args_is_help=True
)


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug output.")] = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


@app.command()
def setup() -> None:
    """Fetch the configured models from the publisher's hub (where reachable), check that every
    model file the embedded default needs is on this machine (exporting the ONNX embedder from the
    local weights where EMBED_BACKEND asks for one), and migrate the database."""
    from core.models import ModelUnavailableError, fetch_models, resolve_embed_model_dir, resolve_llm_gguf

    settings = get_settings()
    for line in fetch_models(settings):
        typer.echo(line)
    try:
        typer.echo(f"embedding model: {resolve_embed_model_dir(settings)}")
        if settings.embed_backend != "torch" and not settings.embed_base_url:
            from core.onnx_embedder import export_onnx

            typer.echo(f"{settings.embed_backend} embedder: {export_onnx(settings)} (sha256 checked)")
        typer.echo(f"local LLM GGUF:  {resolve_llm_gguf(settings)} (sha256 checked)")
    except ModelUnavailableError as exc:
        fail(str(exc), EXIT_UNAVAILABLE)
    from core.clients import make_engine
    from core.db import head_revision

    make_engine(settings)  # brings the database to the newest migration
    typer.echo(f"database:        {settings.resolved_docstore_url.split('@')[-1]} (schema {head_revision()})")


@app.command()
def index(
    path: Annotated[Path | None, typer.Argument(help="Folder of documents (default: DOCS_SOURCE_DIR).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Index a folder incrementally: new and changed documents are embedded and upserted, deleted
    ones removed. Same code as the Dagster assets."""
    from core.answer_cache import invalidation_callback
    from core.clients import make_embedder, make_engine, make_milvus_client
    from core.collection import CollectionMismatchError
    from core.docstore import DocStore
    from core.indexing import run_index
    from core.models import ModelUnavailableError

    settings = get_settings()
    source = (path or settings.docs_source_dir).resolve()
    if not source.is_dir():
        fail(f"{source} is not a folder", EXIT_USAGE)
    try:
        client = make_milvus_client(settings)
        client.list_collections()
    except Exception as exc:
        fail(
            f"cannot reach Milvus at {settings.milvus_uri}: {exc} (start it with `ragdesk up`, or set MILVUS_URI)",
            EXIT_UNAVAILABLE,
        )
    try:
        embedder = make_embedder(settings)
    except ModelUnavailableError as exc:
        fail(str(exc), EXIT_UNAVAILABLE)
    bar = None
    if not quiet:
        from tqdm import tqdm

        bar = tqdm(total=0, unit="chunk", desc="embedding", file=sys.stderr)

    def progress(stage: str, done: int, total: int) -> None:
        if bar is not None and stage == "embed":
            bar.total = total
            bar.n = done
            bar.refresh()

    try:
        report = run_index(
            settings,
            client,
            DocStore(make_engine(settings)),
            embedder,
            source,
            progress,
            invalidation_callback(settings),
        )
    except CollectionMismatchError as exc:
        fail(str(exc), EXIT_FAILED)
    finally:
        if bar is not None:
            bar.close()
    for line in report.summary_lines():
        typer.echo(line)
    if report.changeset.failures:
        raise typer.Exit(EXIT_PARTIAL)


@app.command("adapt-embedder")
def adapt_embedder(
    out: Annotated[Path, typer.Option("--out", help="Folder for the adapted model (created; must be empty).")],
    epochs: Annotated[int, typer.Option(min=1, max=10, help="Passes over the corpus.")] = 1,
    seed: Annotated[int, typer.Option(help="Seed of the sentence draw and the training.")] = 0,
    batch_size: Annotated[int, typer.Option(min=2, max=256, help="Pairs per step (in-batch negatives).")] = 32,
) -> None:
    """Fine-tune the embedder on the indexed chunks (inverse cloze task: no questions or labels),
    then point EMBED_MODEL_PATH at --out; the next `ragdesk index` re-embeds everything."""
    from core.adaptation import AdaptationConfig, AdaptationError, Passage
    from core.adaptation import adapt_embedder as run_adaptation
    from core.clients import make_engine
    from core.docstore import DocStore
    from core.models import ModelUnavailableError

    settings = get_settings()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        fail(f"{out} exists and is not an empty folder", EXIT_USAGE)
    rows = DocStore(make_engine(settings)).headed_chunks()
    if not rows:
        fail("the document store holds no chunks: run `ragdesk index` first", EXIT_USAGE)
    passages = [Passage(f"{title} > {section}" if section else title, text) for title, section, text in rows]
    try:
        report = run_adaptation(
            settings, passages, out, AdaptationConfig(epochs=epochs, seed=seed, batch_size=batch_size)
        )
    except ModelUnavailableError as exc:
        fail(str(exc), EXIT_UNAVAILABLE)
    except AdaptationError as exc:
        fail(str(exc), EXIT_USAGE)
    typer.echo(
        f"adapted {report.base_model} on {report.passages} chunks ({report.pairs} pairs, "
        f"loss {report.loss_by_epoch}) in {report.seconds:.0f} s -> {out}"
    )
    typer.echo(f"next: EMBED_MODEL_PATH={out.resolve()} ragdesk index   (re-embeds every document)")


@app.command()
def status() -> None:
    """What is indexed: documents, chunks, the collection, the last runs."""
    from core.clients import make_engine, make_milvus_client
    from core.collection import count_chunks
    from core.docstore import DocStore

    settings = get_settings()
    store = DocStore(make_engine(settings))
    typer.echo(f"document store: {settings.resolved_docstore_url}")
    typer.echo(f"documents: {store.document_count()}  chunks: {store.chunk_count()}")
    from core.indexing import settings_changed

    if settings_changed(settings, store):
        typer.echo("index settings changed since the last run: the next run re-indexes every document")
    try:
        client = make_milvus_client(settings)
        typer.echo(
            f"collection {settings.milvus_collection} at {settings.milvus_uri}: {count_chunks(client, settings)} chunks"
        )
    except Exception as exc:
        fail(f"cannot reach Milvus at {settings.milvus_uri}: {exc}", EXIT_UNAVAILABLE)
    for run in store.last_runs(5):
        typer.echo(
            f"run {run.id}: new {run.docs_new} changed {run.docs_changed} deleted {run.docs_deleted} "
            f"failed {run.docs_failed} chunks {run.chunks_upserted} in {run.total_seconds:.1f}s"
        )


@app.command()
def up(
    no_index: Annotated[bool, typer.Option("--no-index", help="Do not index the source folder at start.")] = False,
) -> None:
    """Start the embedded default under honcho: Milvus Lite server, Redis, the local LLM server,
    the API with its chat page, Dagster and MLflow, all on 127.0.0.1. Ctrl-C stops them all."""
    from orchestration.launcher import run_up

    raise typer.Exit(run_up(get_settings(), index_first=not no_index))


@app.command()
def serve() -> None:
    """Run the query API (uvicorn) in the foreground."""
    import uvicorn

    from serving.observability.logs import log_config

    settings = get_settings()
    uvicorn.run(
        "serving.main:create_app",
        factory=True,
        host=settings.api_host,
        port=settings.api_port,
        log_config=log_config(settings),
    )


@app.command("llm-server")
def llm_server() -> None:
    """Run the local CPU LLM server (llama.cpp, OpenAI-compatible) in the foreground."""
    from core.llm_server import main as run_llm_server
    from core.models import ModelUnavailableError

    try:
        run_llm_server(get_settings())
    except ModelUnavailableError as exc:
        fail(str(exc), EXIT_UNAVAILABLE)


def _register_groups() -> None:
    """Sub-command groups owned by other parts of the project (imported here, the composition root)."""
    from core.grounding.cli import grounding_app
    from evaluation.cli import eval_app
    from orchestration.capacity_cli import capacity_app
    from orchestration.sglang_cli import sglang_command
    from serving.gateway.cli import keys_app

    app.add_typer(keys_app, name="keys", help="Create, list and revoke API keys; set tiers and budgets.")
    app.add_typer(grounding_app, name="grounding", help="Check answers against passages.")
    app.add_typer(eval_app, name="eval", help="Run the evaluation and log it to MLflow.")
    app.add_typer(capacity_app, name="capacity", help="Capacity report: live collection and the projection.")
    app.command("sglang")(sglang_command)


def main() -> None:
    _register_groups()
    app()


if __name__ == "__main__":
    main()
