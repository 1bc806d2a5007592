null.foo();
