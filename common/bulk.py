"""Bulk inserts for imports: the rows and their first history records, without Django's per-value SQL.

`bulk_create` compiles every value of every row through the field's SQL machinery, and on PostgreSQL
Django 5.2 then sends each column as an array that psycopg quotes in Python; django-simple-history's
`bulk_create_with_history` does it twice (the rows, then one history model instance per row). Profiles
of a CSV import put about half of its time there. On PostgreSQL `insert` reserves the ids from the
table's sequence in one query and sends the rows, and then their "+" history records, with COPY. On
other databases it is `bulk_create` (with history: `bulk_create_with_history`), unchanged.

Either way the instances come back saved: ids set, `_state.adding` false. As with `bulk_create`, no
signal is sent and no `save()` runs (callers derive what `save()` would); values are prepared by each
field's own `get_db_prep_save` (countries, JSON) after its `pre_save` (auto_now dates).
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
from collections.abc import Iterator, Sequence
from functools import partial
from operator import itemgetter
from typing import Any

from django.db import connections, models, router
from django.utils import timezone
from django_countries.fields import CountryField
from simple_history.utils import bulk_create_with_history, get_change_reason_from_object

# Fields whose Python value psycopg writes as is: no per-value preparation needed.
_PLAIN = frozenset(
    {
        models.AutoField,
        models.BigAutoField,
        models.BigIntegerField,
        models.BooleanField,
        models.CharField,
        models.DateField,
        models.DateTimeField,
        models.ForeignKey,
        models.IntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.SlugField,
        models.SmallIntegerField,
        models.TextField,
        models.URLField,
    }
)
_BASE_PRE_SAVE = models.Field.pre_save
_GC_LOCK = threading.Lock()
_gc_state: dict[str, Any] = {"depth": 0, "threshold": None}


@contextlib.contextmanager
def few_collections(threshold: int = 50_000) -> Iterator[None]:
    """Fewer cyclic garbage collections while a bulk load runs.

    The collector walks the live objects now and then; an import keeps hundreds of thousands alive
    until it ends (rows, instances, the index of people), and the walks took a fifth of a CSV import's
    CPU. Meanwhile the objects that lived before are left out of the walks (gc.freeze) and a walk
    comes every `threshold` new objects instead of every 700. Reference counting frees memory as ever;
    everything is restored when the outermost load ends (nested and concurrent loads share one state).
    """
    with _GC_LOCK:
        if not _gc_state["depth"]:
            _gc_state["threshold"] = gc.get_threshold()
            gc.freeze()
            first, *rest = _gc_state["threshold"]
            gc.set_threshold(max(first, threshold), *rest)
        _gc_state["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_state["depth"] -= 1
            if not _gc_state["depth"]:
                gc.set_threshold(*_gc_state["threshold"])
                gc.unfreeze()


def insert(model: type[models.Model], objs: Sequence[models.Model], *, history: bool = False) -> list:
    """Insert unsaved `objs` of `model` (with their creation history records when `history`)."""
    objs = list(objs)
    if not objs:
        return objs
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        if history:
            return bulk_create_with_history(objs, model, batch_size=500)
        return model._default_manager.bulk_create(objs, batch_size=1000)
    _reserve_ids(connection, model, objs)
    _stamp(model, objs)
    rows = _row_values(connection, model, objs)
    _copy(connection, model, rows)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    if history:
        _copy_history(connection, model, objs, rows)
    return objs


def insert_values(model: type[models.Model], rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows given as {attname: value}, for rows nobody reads back: what `insert` of
    `model(**row)` writes, without an instance per row on PostgreSQL (no history records; a model with
    dates stamped on save, or a field that prepares itself on save, gets the instances)."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    fields = list(model._meta.concrete_fields)
    if connection.vendor != "postgresql" or any(_saves_itself(f) for f in fields):
        insert(model, [model(**row) for row in rows])
        return
    attnames = {f.attname for f in fields}
    unknown = {name for row in rows for name in row} - attnames
    if unknown:
        raise TypeError(f"{model.__name__} has no field {', '.join(sorted(unknown))}")
    pk = model._meta.pk
    # Per field: the value as the instance would hold it (a country's descriptor cleans its code),
    # then as COPY sends it.
    plan = []
    for field, prepare in zip(fields, _preparers(connection, fields), strict=True):
        clean = field.get_clean_value if isinstance(field, CountryField) and not field.multiple else None
        plan.append((field, clean, prepare))
    ids = iter(_next_ids(connection, model, sum(1 for row in rows if row.get(pk.attname) is None)))
    values = []
    for row in rows:
        out = []
        for field, clean, prepare in plan:
            value = row[field.attname] if field.attname in row else field.get_default()
            if field is pk and value is None:
                value = next(ids)
            if clean is not None:
                value = clean(value)
            out.append(value if prepare is None else prepare(None, value))
        values.append(tuple(out))
    _copy(connection, model, values)


def _saves_itself(field: models.Field) -> bool:
    """The field's value is set or prepared by save() (auto_now dates, files): it needs an instance."""
    if isinstance(field, models.DateField):
        return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))
    return type(field).pre_save is not _BASE_PRE_SAVE


def _next_ids(connection, model: type[models.Model], count: int) -> list[int]:
    """`count` ids from the table's sequence, ascending."""
    if not count:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return sorted(row[0] for row in cursor.fetchall())


def _reserve_ids(connection, model: type[models.Model], objs: list[models.Model]) -> None:
    pk = model._meta.pk
    missing = [obj for obj in objs if getattr(obj, pk.attname) is None]
    for obj, ident in zip(missing, _next_ids(connection, model, len(missing)), strict=True):
        setattr(obj, pk.attname, ident)


def _stamp(model: type[models.Model], objs: list[models.Model]) -> None:
    """auto_now and auto_now_add dates, as their pre_save would set them: one instant for the batch."""
    now = timezone.now()
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now if isinstance(field, models.DateTimeField) else now.date()
            for obj in objs:
                setattr(obj, field.attname, value)


def _preparers(connection, fields: list[models.Field], *, pre_saves: bool = True) -> list:
    """Per field: None (the attribute as is) or a function of (obj, value) giving the value to send."""
    preparers = []
    for field in fields:
        dated = isinstance(field, models.DateField)  # pre_save only stamps auto_now(_add): _stamp() did
        pre_save = pre_saves and not dated and type(field).pre_save is not _BASE_PRE_SAVE
        # A country's descriptor stores the cleaned code (vars(obj) holds it, not a Country), which is
        # what its pre_save and get_db_prep_save would give again.
        country = isinstance(field, CountryField) and not field.multiple
        if country or (type(field) in _PLAIN and not pre_save):
            preparers.append(None)
        elif type(field) is models.JSONField and not pre_save:
            preparers.append(_json_preparer(connection, field))
        else:

            def prepare(obj, value, field=field, pre_save=pre_save):
                if pre_save:
                    value = field.pre_save(obj, True)
                return field.get_db_prep_save(value, connection)

            preparers.append(prepare)
    return preparers


def _json_preparer(connection, field: models.JSONField):
    """A JSON value as the text COPY sends for it: what Django's Jsonb adapter would dump, dumped once
    here (the empty lists of edited_fields, on every row, are dumped once)."""
    dumps = json.dumps if field.encoder is None else partial(json.dumps, cls=field.encoder)
    done: dict[str, str] = {}

    def prepare(obj, value):
        if value is None:
            return None  # SQL NULL, as get_db_prep_save gives
        if type(value) in (list, dict) and not value:
            key = type(value).__name__
            if key not in done:
                done[key] = dumps(value)
            return done[key]
        if type(value) in (list, dict, str, int, float, bool):
            return dumps(value)
        return field.get_db_prep_save(value, connection)  # expressions, lazy strings: Django's way

    return prepare


def _row_values(connection, model: type[models.Model], objs: list[models.Model]) -> list[tuple]:
    """Each object's row, in the order of the model's concrete fields."""
    fields = list(model._meta.concrete_fields)
    attnames = [f.attname for f in fields]
    prepared = [(i, p) for i, p in enumerate(_preparers(connection, fields)) if p is not None]
    get = _getter(attnames)
    rows = []
    for obj in objs:
        values = vars(obj)
        try:
            row = get(values)
        except KeyError:  # an attribute never set (deferred): what its descriptor gives
            row = get(_raw(obj))
        if prepared:
            row = list(row)
            for i, p in prepared:
                row[i] = p(obj, row[i])
            row = tuple(row)
        rows.append(row)
    return rows


def _getter(attnames: list[str]):
    """A function of an instance's attribute dict giving the tuple of these attributes."""
    if len(attnames) == 1:
        return lambda values: (values[attnames[0]],)
    return itemgetter(*attnames)


def _raw(obj: models.Model) -> dict[str, Any]:
    """The instance's stored attribute values: what descriptors (countries) would wrap, unwrapped."""
    values = vars(obj)
    missing = [f.attname for f in obj._meta.concrete_fields if f.attname not in values]
    return {**values, **{a: getattr(obj, a) for a in missing}} if missing else values


def _copy(connection, model: type[models.Model], rows: list[tuple], fields: list | None = None) -> None:
    qn = connection.ops.quote_name
    fields = list(model._meta.concrete_fields) if fields is None else fields
    columns = ", ".join(qn(f.column) for f in fields)
    # The raw psycopg cursor's errors become Django's (a NUL is a DataError callers already word for people).
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(f"COPY {qn(model._meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _copy_history(connection, model: type[models.Model], objs: list[models.Model], rows: list[tuple]) -> None:
    """The "+" records simple_history's bulk_history_create would write, in one COPY.

    A tracked value is the one the row was sent with (`rows`, in the order of the model's concrete
    fields) when both fields prepare it alike; any other is read and prepared again, as before."""
    historical = model.history.model
    tracked = [f.attname for f in historical.tracked_fields]
    # The four history values, in the order each record below gives them.
    metas = ["history_date", "history_change_reason", "history_type", "history_user_id"]
    meta = set(metas)
    fields = [f for f in historical._meta.concrete_fields if f.attname in meta or f.attname in tracked]
    # The values are the record's own (taken from the saved row): prepared, never pre_save()d again.
    preparers = _preparers(connection, fields, pre_saves=False)
    model_fields = list(model._meta.concrete_fields)
    own_preparers = _preparers(connection, model_fields)
    sent = {f.attname: (i, f, p) for i, (f, p) in enumerate(zip(model_fields, own_preparers, strict=True))}
    # Each record is picked from the sent row, then the four history values, then values read again.
    again: list[tuple[str, Any]] = []  # (attname, preparer) of the values read and prepared again
    positions = []
    for field, prepare in zip(fields, preparers, strict=True):
        index, own, own_prepare = sent.get(field.attname, (None, None, None))
        alike = own is not None and (
            (prepare is None and own_prepare is None)
            or (type(own) is type(field) is models.JSONField and own_prepare is not None)
        )
        if field.attname in meta and prepare is None:
            positions.append(len(model_fields) + metas.index(field.attname))
        elif alike and field.attname not in meta:
            positions.append(index)
        else:
            positions.append(len(model_fields) + len(metas) + len(again))
            again.append((field.attname, prepare))
    pick = _getter(positions)
    now = timezone.now()
    # The request's user (simple_history's middleware), the same for every row: looked up once.
    plain = next((obj for obj in objs if not hasattr(obj, "_history_user")), None)
    context_user = historical.get_default_history_user(plain) if plain is not None else None
    history_rows = []
    for obj, row in zip(objs, rows, strict=True):
        user = getattr(obj, "_history_user", None) or context_user
        record = (
            getattr(obj, "_history_date", now),
            get_change_reason_from_object(obj) or None,
            "+",
            user.pk if user is not None else None,
        )
        if again:
            values = {**_raw(obj), **dict(zip(metas, record, strict=True))}
            extra = tuple(values[a] if p is None else p(obj, values[a]) for a, p in again)
        else:
            extra = ()
        history_rows.append(pick((*row, *record, *extra)))
    _copy(connection, historical, history_rows, fields)
