"""Every environment variable is documented: each settings field has a description, and the
README's configuration table is the one `python -m core.settings_doc` generates from them."""

from __future__ import annotations

from core.settings import Settings
from core.settings_doc import END, README, START, env_name, groups, table


def test_every_setting_has_a_description() -> None:
    missing = [env_name(n, f) for n, f in Settings.model_fields.items() if not (f.description or "").strip()]
    assert not missing, f"settings without a description: {missing}"


def test_every_setting_is_in_a_group_once() -> None:
    listed = [name for _, names in groups() for name in names]
    assert sorted(listed) == sorted(Settings.model_fields)


def test_readme_table_is_generated_from_the_settings() -> None:
    text = README.read_text(encoding="utf-8")
    block = START + text.split(START, 1)[1].split(END, 1)[0] + END
    assert block == table(), "README's settings table is stale: run `python -m core.settings_doc`"
    for name, field in Settings.model_fields.items():
        assert f"| `{env_name(name, field)}` |" in block


def test_milvus_uri_is_read_under_both_names(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What the MILVUS_URI comment in core/settings.py promises."""
    monkeypatch.delenv("RAGDESK_MILVUS_URI", raising=False)
    monkeypatch.setenv("MILVUS_URI", "http://milvus.example:19530")
    assert Settings().milvus_uri == "http://milvus.example:19530"
    monkeypatch.setenv("RAGDESK_MILVUS_URI", "/tmp/local.db")
    assert Settings().milvus_uri == "/tmp/local.db"


# Field names that differ from their environment name, and why (each is the plain name with the
# product's prefix: the plain one is read by another library or too generic to claim).
PREFIXED = {
    "data_dir": "RAGDESK_DATA_DIR",
    "milvus_uri": "RAGDESK_MILVUS_URI",  # pymilvus reads MILVUS_URI itself at import and rejects file paths
    "tenant": "RAGDESK_TENANT",
}


def test_one_name_per_setting_in_code_env_and_docs() -> None:
    differing = {
        name: env_name(name, field)
        for name, field in Settings.model_fields.items()
        if env_name(name, field) != name.upper()
    }
    assert differing == PREFIXED
