# The order in which SQLAlchemy 1.4 fires ORM events, for EventOrderTest (run: python3 event_order.py).
# Its output, event_order.txt, is what EventOrderTest expects of Alchemy; the two scenarios must stay identical.
from sqlalchemy import Column, Integer, String, create_engine, event
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
log = []


def name(target):
    return target.name


for ev in ["before_insert", "after_insert", "before_update", "after_update", "before_delete", "after_delete"]:
    def mapper_listener(mapper, connection, target, ev=ev):
        log.append(ev + " " + name(target))
    event.listen(Item, ev, mapper_listener)


@event.listens_for(Item, "load")
def on_load(target, context):
    log.append("load " + name(target))


@event.listens_for(Item, "refresh")
def on_refresh(target, context, attrs):
    log.append("refresh " + name(target))


for ev in ["after_begin", "before_flush", "after_flush", "after_flush_postexec", "before_commit", "after_commit",
           "after_rollback", "after_soft_rollback"]:
    def session_listener(session, *args, ev=ev):
        log.append(ev)
    event.listen(Session, ev, session_listener)


def step(title):
    print("## " + title)
    for line in log:
        print(line)
    log.clear()


with Session(engine) as s:
    s.add(Item(name="a"))
    s.add(Item(name="b"))
    s.commit()
    step("insert two, commit")

with Session(engine) as s:
    a, b = s.query(Item).order_by(Item.id).all()
    step("query two")
    a.name = "a2"
    s.delete(b)
    s.add(Item(name="c"))
    s.commit()
    step("update, delete, insert, commit")

with Session(engine) as s:
    s.add(Item(name="d"))
    s.flush()
    s.rollback()
    step("insert, flush, rollback")

with Session(engine) as s:
    c = s.query(Item).filter_by(name="c").one()
    log.clear()
    s.refresh(c)
    step("refresh")
    nested = s.begin_nested()
    s.add(Item(name="e"))
    nested.rollback()
    step("savepoint: insert, rollback to it")
    nested = s.begin_nested()
    s.add(Item(name="f"))
    nested.commit()
    step("savepoint: insert, release")
    s.commit()
    step("commit")


@event.listens_for(Session, "before_flush")
def audit(session, flush_context, instances):
    if any(isinstance(o, Item) and o.name == "g" for o in session.new):
        session.add(Item(name="audit"))


with Session(engine) as s:
    s.add(Item(name="g"))
    s.commit()
    step("before_flush adds an object")

with Session(engine) as s:
    s.add(Item(id=1, name="dup"))
    try:
        s.commit()
    except Exception:
        pass
    step("failed flush (duplicate key) in commit")
    s.rollback()
    step("rollback after the failed flush")
