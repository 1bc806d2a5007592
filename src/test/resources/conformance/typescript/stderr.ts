console.error("oops");
