import pytest

from schemas import BATCH_ONLY_TABLES, TABLES, column_names


@pytest.mark.parametrize("model", [*TABLES.values(), *BATCH_ONLY_TABLES.values()], ids=lambda m: m.__name__)
def test_column_names_are_the_models_own(model):
    names = column_names(model)
    columns = list(model.to_schema().columns)
    assert sorted(vars(names)) == sorted(columns)
    assert all(getattr(names, column) == getattr(model, column) == column for column in columns)
    with pytest.raises(AttributeError):
        _ = names.no_such_column
